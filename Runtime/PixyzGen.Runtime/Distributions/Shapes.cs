using System;
using System.Linq;

namespace PixyzGen;

/// <summary>NumPy broadcasting of shapes, without allocating tensors.</summary>
public static class Shapes
{
    /// <summary>The broadcast of <paramref name="shapes"/>; throws when two dimensions differ and neither is 1.</summary>
    public static long[] Broadcast(params long[][] shapes)
    {
        var rank = shapes.Max(s => s.Length);
        var result = new long[rank];
        for (var i = 1; i <= rank; i++)
        {
            long size = 1;
            foreach (var shape in shapes)
            {
                if (i > shape.Length) continue;
                var d = shape[^i];
                if (d == 1 || d == size) continue;
                if (size != 1) throw new ArgumentException($"Shapes {string.Join(" and ", shapes.Select(Distribution.Format))} do not broadcast.");
                size = d;
            }
            result[^i] = size;
        }
        return result;
    }

    /// <summary>Two shapes one after the other.</summary>
    public static long[] Concat(long[] leading, long[] trailing) => leading.Length == 0 ? trailing : leading.Concat(trailing).ToArray();

    /// <summary>Whether two shapes are equal.</summary>
    public static bool Equal(long[] a, long[] b) => a.AsSpan().SequenceEqual(b);
}
