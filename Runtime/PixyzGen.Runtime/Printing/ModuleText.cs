using System.Linq;
using System.Text;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A network as PyTorch prints it (and so Pixyz's network architecture): containers with their children indented,
/// leaf layers with their sizes and settings (<see cref="LayerText"/>).
/// </summary>
internal static class ModuleText
{
    public static void Append(StringBuilder text, string name, nn.Module module, string indent)
    {
        text.Append($"{indent}({name}): {Head(module)}");
        var children = module.named_children().ToList();
        if (children.Count == 0 || module is FlowLayer or Distribution)
        {
            text.Append('\n');
            return;
        }
        text.Append("(\n");
        foreach (var (childName, child) in children) Append(text, childName, child, indent + "  ");
        text.Append($"{indent})\n");
    }

    // A container prints its type and its children; a leaf layer its PyTorch head line.
    private static string Head(nn.Module module) => module is FlowLayer or Distribution || module.named_children().Any()
        ? module.GetType().Name
        : LayerText.Head(module);
}
