using System.Linq;
using System.Text;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A network as PyTorch prints it (and so Pixyz's network architecture): containers with their children indented,
/// linear layers with their sizes, other layers by their type.
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

    private static string Head(nn.Module module) => module switch
    {
        TorchSharp.Modules.Linear linear => $"Linear(in_features={linear.in_features}, out_features={linear.out_features}, bias={(linear.bias is null ? "False" : "True")})",
        _ => module.GetType().Name,
    };
}
