using System;
using System.IO;
using SkiaSharp;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Vae.Output;

/// <summary>Writes images [N, side*side] in [0, 1] as a grid PNG, white digits on black as in MNIST.</summary>
public static class DigitGrid
{
    public static void Save(Tensor images, int columns, int side, string path, int scale = 3)
    {
        using var cpu = images.detach().cpu().clamp(0, 1).mul(255).to_type(ScalarType.Byte);
        var pixels = cpu.data<byte>().ToArray();
        var count = (int)cpu.shape[0];
        var rows = (count + columns - 1) / columns;
        using var bitmap = new SKBitmap(columns * side * scale, rows * side * scale, SKColorType.Gray8, SKAlphaType.Opaque);
        for (var n = 0; n < count; n++)
        {
            var originX = n % columns * side * scale;
            var originY = n / columns * side * scale;
            for (var y = 0; y < side * scale; y++)
            for (var x = 0; x < side * scale; x++)
            {
                var value = pixels[n * side * side + y / scale * side + x / scale];
                bitmap.SetPixel(originX + x, originY + y, new SKColor(value, value, value));
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
