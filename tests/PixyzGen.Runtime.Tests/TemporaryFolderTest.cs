using System.IO;
using System.Linq;

namespace PixyzGen.Runtime.Tests;

/// <summary>Tests that write files: a fresh folder for each test, deleted after it.</summary>
public abstract class TemporaryFolderTest
{
    /// <summary>This test's folder.</summary>
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("pixyzgen-test-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);

    /// <summary>An unsigned-byte IDX file's bytes (MNIST's format): the magic number, the dimensions big-endian, the data.</summary>
    protected static byte[] Idx(int[] dimensions, byte[] data) =>
        new byte[] { 0, 0, 0x08, (byte)dimensions.Length }
            .Concat(dimensions.SelectMany(d => new[] { (byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d }))
            .Concat(data).ToArray();
}
