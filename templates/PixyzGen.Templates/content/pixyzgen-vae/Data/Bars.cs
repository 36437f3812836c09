using System.Text;
using static TorchSharp.torch;

namespace PixyzGenVae.Data;

/// <summary>8x8 binary images made of random horizontal and vertical bars: structured data a small VAE can learn in seconds.</summary>
public static class Bars
{
    public const int Side = 8;
    public const int Pixels = Side * Side;

    /// <summary>A batch of flattened images: each row and each column is lit with probability 1/8.</summary>
    public static Tensor Sample(int count)
    {
        var rows = bernoulli(full(count, Side, 1, 0.125f));
        var columns = bernoulli(full(count, 1, Side, 0.125f));
        return maximum(rows.expand(count, Side, Side), columns.expand(count, Side, Side)).reshape(count, Pixels);
    }

    /// <summary>An image (probabilities) as text: '#' above 1/2, '.' below.</summary>
    public static string Render(Tensor image)
    {
        var pixels = image.reshape(Side, Side).data<float>().ToArray();
        var text = new StringBuilder();
        for (var row = 0; row < Side; row++)
        {
            for (var column = 0; column < Side; column++) text.Append(pixels[row * Side + column] > 0.5f ? '#' : '.');
            text.Append('\n');
        }
        return text.ToString();
    }
}
