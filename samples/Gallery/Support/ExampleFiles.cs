using System.Collections.Generic;
using System.IO;
using TorchSharp;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>The files a run writes into its output folder: pictures (PNG, or Graphviz DOT for a graph) and one checkpoint.</summary>
public sealed class ExampleFiles(string folder)
{
    private readonly List<string> pictures = new();

    public IReadOnlyList<string> Pictures => pictures;

    public string? Checkpoint { get; private set; }

    /// <summary>The path for a picture named <paramref name="name"/>, recorded as written.</summary>
    public string Picture(string name)
    {
        var path = Path.Combine(folder, name);
        pictures.Add(path);
        return path;
    }

    /// <summary>Saves <paramref name="module"/>'s parameters as a PyTorch state dict (torch.load reads it), atomically.</summary>
    public void Save(torch.nn.Module module, string name)
    {
        var path = Path.Combine(folder, name);
        PyTorchCheckpoint.Save(module, path);
        Checkpoint = path;
    }
}
