using System;
using static TorchSharp.torch;

namespace PixyzGen.Plots;

/// <summary>
/// Pictures of what a latent space has learned, drawn through a decoder (a function from codes [N, D] to images,
/// such as <c>z =&gt; model.P.Mean(z)</c>): traversals of one latent dimension at a time, and a map of two.
/// </summary>
public static class LatentPictures
{
    /// <summary>
    /// A row per latent dimension of <paramref name="origin"/> ([D]): that dimension swept over
    /// [-<paramref name="span"/>, <paramref name="span"/>] in <paramref name="steps"/> steps, the others held at the origin's values;
    /// the first <paramref name="dimensions"/> dimensions (all when null).
    /// </summary>
    public static void Traversal(string path, Func<Tensor, Tensor> decode, Tensor origin, int steps = 10, double span = 3, int scale = 2, int? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(origin);
        if (origin.dim() != 1) throw new ArgumentException($"The origin is one code of shape [D]; got [{string.Join(", ", origin.shape)}].", nameof(origin));
        CheckGrid(steps, span);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var swept = Math.Min(dimensions ?? origin.shape[0], origin.shape[0]);
        if (swept < 1) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "At least one dimension is swept.");
        var values = linspace(-span, span, steps, dtype: origin.dtype, device: origin.device);
        var codes = origin.unsqueeze(0).repeat(swept * steps, 1);
        for (var d = 0; d < swept; d++) codes[TensorIndex.Slice(d * steps, (d + 1) * steps), d] = values;
        ImageGrid.Save(decode(codes), path, columns: steps, scale: scale);
    }

    /// <summary>
    /// A <paramref name="steps"/> x <paramref name="steps"/> grid over latent dimensions <paramref name="first"/> (left to
    /// right) and <paramref name="second"/> (top to bottom) in [-<paramref name="span"/>, <paramref name="span"/>], the
    /// others held at <paramref name="origin"/> (zeros of <paramref name="dimensions"/> when null): Kingma and Welling's 2-D manifold picture.
    /// </summary>
    public static void Map(string path, Func<Tensor, Tensor> decode, int dimensions = 2, int first = 0, int second = 1, Tensor? origin = null, int steps = 15, double span = 3, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(decode);
        CheckGrid(steps, span);
        if (origin is not null) dimensions = (int)origin.shape[^1];
        if (first < 0 || second < 0 || first >= dimensions || second >= dimensions || first == second)
            throw new ArgumentException($"Two different dimensions below {dimensions} are mapped; got {first} and {second}.");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = linspace(-span, span, steps);
        var start = origin?.detach().flatten() ?? zeros(dimensions);
        var codes = start.unsqueeze(0).repeat(steps * steps, 1);
        var grid = meshgrid(new[] { values, values }, indexing: "ij");   // [row, column]
        codes[TensorIndex.Colon, second] = grid[0].flatten().to(codes.dtype);
        codes[TensorIndex.Colon, first] = grid[1].flatten().to(codes.dtype);
        ImageGrid.Save(decode(codes), path, columns: steps, scale: scale);
    }

    private static void CheckGrid(int steps, double span)
    {
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), steps, "At least 2 steps.");
        if (!(span > 0)) throw new ArgumentOutOfRangeException(nameof(span), span, "The span is positive.");
    }
}
