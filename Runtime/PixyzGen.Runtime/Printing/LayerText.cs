using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A layer's head line as PyTorch's <c>extra_repr</c> writes it: <c>Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1))</c>,
/// <c>BatchNorm1d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)</c>, <c>ReLU()</c>. Layers it
/// does not know print as their type with empty parentheses.
/// </summary>
internal static class LayerText
{
    public static string Head(nn.Module module) => module switch
    {
        Linear linear => $"Linear(in_features={linear.in_features}, out_features={linear.out_features}, bias={PythonText.Bool(linear.bias is not null)})",
        Convolution convolution => $"{module.GetType().Name}({Convolution(convolution)})",
        NormBase norm => $"{module.GetType().Name}({norm.num_features}, eps={PythonText.Float(norm.eps)}, momentum={(norm.momentum is { } m ? PythonText.Float(m) : "None")}, affine={PythonText.Bool(norm.affine)}, track_running_stats={PythonText.Bool(norm.track_running_stats)})",
        LayerNorm layer => $"LayerNorm({PythonText.Tuple(layer.normalized_shape)}, eps={PythonText.Float(layer.eps)}, elementwise_affine={PythonText.Bool(layer.elementwise_affine)})",
        Embedding embedding => $"Embedding({embedding.weight!.size(0)}, {embedding.weight.size(1)})",
        Dropout dropout => $"Dropout(p={PythonText.Float(dropout.p)}, inplace={PythonText.Bool(dropout.inplace)})",
        LeakyReLU leaky => $"LeakyReLU(negative_slope={PythonText.Float(leaky.negative_slope)}{Inplace(leaky.inplace)})",
        ELU elu => $"ELU(alpha={PythonText.Float(elu.alpha)}{Inplace(elu.inplace)})",
        ReLU relu => $"ReLU({Inplace(relu.inplace, first: true)})",
        Softplus softplus => $"Softplus(beta={PythonText.Float(softplus.beta)}, threshold={PythonText.Float(softplus.threshold)})",
        Softmax softmax => $"Softmax(dim={softmax.dim})",
        LogSoftmax logSoftmax => $"LogSoftmax(dim={logSoftmax.dim})",
        Flatten flatten => $"Flatten(start_dim={flatten.start_dim}, end_dim={flatten.end_dim})",
        Unflatten unflatten => $"Unflatten(dim={unflatten.dim}, unflattened_size={PythonText.Tuple(unflatten.unflattened_size)})",
        MaxPool2d pool => $"MaxPool2d(kernel_size={PythonText.IntOrTuple(pool.kernel_size)}, stride={PythonText.IntOrTuple(pool.stride)}, padding={PythonText.IntOrTuple(pool.padding)}, dilation={PythonText.IntOrTuple(pool.dilation)}, ceil_mode={PythonText.Bool(pool.ceil_mode)})",
        AvgPool2d pool => $"AvgPool2d(kernel_size={PythonText.IntOrTuple(pool.kernel_size)}, stride={PythonText.IntOrTuple(pool.stride)}, padding={PythonText.IntOrTuple(pool.padding)})",
        _ => module.GetType().Name + "()",
    };

    // PyTorch's _ConvNd.extra_repr: the sizes, then only the settings that differ from their defaults.
    private static string Convolution(Convolution c)
    {
        var parts = new List<string> { c.in_channels.ToString(), c.out_channels.ToString(), $"kernel_size={PythonText.Tuple(c.kernel_size)}", $"stride={PythonText.Tuple(c.stride)}" };
        if (c.padding_type is { } padding) parts.Add($"padding={padding.ToString().ToLowerInvariant()}");
        else if (c.padding is { } explicitPadding && explicitPadding.Any(p => p != 0)) parts.Add($"padding={PythonText.Tuple(explicitPadding)}");
        if (c.dilation.Any(d => d != 1)) parts.Add($"dilation={PythonText.Tuple(c.dilation)}");
        if (c.output_padding is { } output && output.Any(p => p != 0)) parts.Add($"output_padding={PythonText.Tuple(output)}");
        if (c.groups != 1) parts.Add($"groups={c.groups}");
        if (c.bias is null) parts.Add("bias=False");
        if (c.padding_mode != TorchSharp.PaddingModes.Zeros) parts.Add($"padding_mode={c.padding_mode.ToString().ToLowerInvariant()}");
        return string.Join(", ", parts);
    }

    private static string Inplace(bool inplace, bool first = false) => inplace ? (first ? "inplace=True" : ", inplace=True") : "";
}
