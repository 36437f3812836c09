using System;
using System.IO;
using SkiaSharp;
using static TorchSharp.torch;

namespace PixyzGen.Plots;

/// <summary>
/// A grid of images from one tensor, written as a PNG: reconstructions beside their originals, samples, latent
/// traversals. Values are in [0, 1] (clamped); each cell is scaled up by whole pixels, and cells are apart by
/// <c>padding</c> pixels of mid grey, so neighbouring digits do not run together.
/// </summary>
public static class ImageGrid
{
    /// <summary>
    /// Writes <paramref name="images"/> as a grid of <paramref name="columns"/> columns to <paramref name="path"/>:
    /// [N, H, W] or [N, 1, H, W] gray, [N, 3, H, W] colour, or [N, D] flattened squares (MNIST's [N, 784] is 28 x 28).
    /// </summary>
    public static void Save(Tensor images, string path, int columns = 8, int scale = 1, int padding = 1)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "At least one column.");
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale is a whole number of at least 1.");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding is 0 or more pixels.");
        var (count, channels, height, width) = Layout(images);
        using var scope = NewDisposeScope();
        var pixels = images.detach().cpu().to(ScalarType.Float32).clamp(0, 1).mul(255).round().to(ScalarType.Byte)
            .reshape(count, channels, height, width).data<byte>().ToArray();
        var shownColumns = (int)Math.Min(columns, count);
        var rows = (int)((count + columns - 1) / columns);
        var cellWidth = (int)width * scale + padding;
        var cellHeight = (int)height * scale + padding;
        using var bitmap = new SKBitmap(Math.Max(1, shownColumns) * cellWidth - padding, Math.Max(1, rows) * cellHeight - padding, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(128, 128, 128));
        for (var n = 0; n < count; n++)
        {
            var originX = (int)(n % columns) * cellWidth;
            var originY = (int)(n / columns) * cellHeight;
            for (var y = 0; y < height * scale; y++)
            for (var x = 0; x < width * scale; x++)
            {
                byte Channel(int c) => pixels[((n * channels + c) * height + y / scale) * width + x / scale];
                var color = channels == 3 ? new SKColor(Channel(0), Channel(1), Channel(2)) : new SKColor(Channel(0), Channel(0), Channel(0));
                bitmap.SetPixel(originX + x, originY + y, color);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    private static (long Count, long Channels, long Height, long Width) Layout(Tensor images)
    {
        var shape = images.shape;
        switch (shape.Length)
        {
            case 2:
                var side = (long)Math.Round(Math.Sqrt(shape[1]));
                if (side * side == shape[1] && shape[1] > 0) return (shape[0], 1, side, side);
                break;
            case 3:
                return (shape[0], 1, shape[1], shape[2]);
            case 4 when shape[1] is 1 or 3:
                return (shape[0], shape[1], shape[2], shape[3]);
        }
        throw new ArgumentException(
            $"An image grid takes [N, H, W], [N, 1 or 3, H, W] or [N, D] with D a square number of pixels; got [{string.Join(", ", shape)}].", nameof(images));
    }
}
