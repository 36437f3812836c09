using System;
using System.IO;

namespace PixyzGen.Samples.Vae.Data;

/// <summary>The 10,000 MNIST digits copied beside the sample (train and t10k IDX files, gzip'd).</summary>
public static class EmbeddedData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data");
}
