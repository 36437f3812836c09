using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using PixyzGen.Build;

namespace PixyzGen.Runtime.Tests.Build;

/// <summary>The Debian 12 fix on copies of real libraries: the TorchSharp one from the NuGet cache and the system libstdc++.</summary>
[Platform("Linux")]
public class ElfVersionPatcherTests
{
    private const string Version = "GLIBCXX_3.4.32";
    private string folder = "";

    private static string PackageLibrary()
    {
        var root = typeof(ElfVersionPatcherTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        return Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    private static string SystemLibStdCxx() =>
        new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6" }.First(File.Exists);

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("pixyzgen-elf-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string CopyOf(string path)
    {
        var copy = Path.Combine(folder, Path.GetFileName(path));
        File.Copy(path, copy);
        return copy;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Test]
    public void The_TorchSharp_library_gets_its_requirement_weakened_once_and_only_that_one()
    {
        var original = PackageLibrary();
        var originalHash = Hash(original);
        var copy = CopyOf(original);
        var before = ElfVersionPatcher.ReadVersionNeeds(copy);
        Assert.That(before.Single(n => n.Version == Version), Is.EqualTo(("libstdc++.so.6", Version, false)));

        Assert.That(ElfVersionPatcher.WeakenVersionNeed(copy, Version), Is.EqualTo(PatchOutcome.Weakened));
        var after = ElfVersionPatcher.ReadVersionNeeds(copy);
        Assert.That(after.Single(n => n.Version == Version).Weak, Is.True);
        Assert.That(after.Where(n => n.Version != Version), Is.EqualTo(before.Where(n => n.Version != Version)), "other requirements are untouched");

        var bytesBefore = File.ReadAllBytes(original);
        var bytesAfter = File.ReadAllBytes(copy);
        Assert.That(bytesAfter, Has.Length.EqualTo(bytesBefore.Length));
        Assert.That(Enumerable.Range(0, bytesBefore.Length).Count(i => bytesBefore[i] != bytesAfter[i]), Is.EqualTo(1), "one flag byte changes");

        var patchedHash = Hash(copy);
        Assert.That(ElfVersionPatcher.WeakenVersionNeed(copy, Version), Is.EqualTo(PatchOutcome.AlreadyWeak));
        Assert.That(Hash(copy), Is.EqualTo(patchedHash), "a second run changes nothing");
        Assert.That(Hash(original), Is.EqualTo(originalHash), "the NuGet cache copy is never modified");
    }

    [Test]
    public void A_library_without_that_requirement_is_left_byte_identical()
    {
        var copy = CopyOf(SystemLibStdCxx());
        var hash = Hash(copy);
        Assert.That(ElfVersionPatcher.WeakenVersionNeed(copy, Version), Is.EqualTo(PatchOutcome.NotRequired));
        Assert.That(Hash(copy), Is.EqualTo(hash));
    }

    [Test]
    public void Version_definitions_are_read_from_the_system_libstdcxx()
    {
        var library = SystemLibStdCxx();
        Assert.That(ElfVersionPatcher.DefinesVersion(library, "GLIBCXX_3.4"), Is.True);
        Assert.That(ElfVersionPatcher.DefinesVersion(library, "GLIBCXX_9.9.99"), Is.False);
    }

    [Test]
    public void A_file_that_is_not_a_64_bit_ELF_library_is_an_error_naming_it()
    {
        var path = Path.Combine(folder, "libLibTorchSharp.so");
        File.WriteAllText(path, "not a library");
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.WeakenVersionNeed(path, Version));
        Assert.That(error!.Message, Does.StartWith(path).And.Contain("not an ELF file"));
    }

    [Test]
    public void A_truncated_library_is_an_error_not_a_crash()
    {
        var path = Path.Combine(folder, "truncated.so");
        File.WriteAllBytes(path, File.ReadAllBytes(PackageLibrary()).Take(4096).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.WeakenVersionNeed(path, Version));
        Assert.That(error!.Message, Does.Contain("unexpected library layout"));
    }

    [Test]
    public void The_output_copy_used_by_these_tests_loads_on_this_system()
    {
        // Reaching native code at all proves the build-time fix (or a new enough libstdc++) works here.
        Assert.That(TorchSharp.torch.ones(2).sum().item<float>(), Is.EqualTo(2f));
    }
}
