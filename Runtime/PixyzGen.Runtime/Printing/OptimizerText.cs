using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text;
using TorchSharp;

namespace PixyzGen;

/// <summary>
/// An optimizer as PyTorch (and so Pixyz's <c>Model</c>) prints it: its type, then each parameter group's settings.
/// The setting names are TorchSharp's (<c>LearningRate</c>, <c>beta1</c>, ...); an optimizer that does not expose its
/// groups prints its type alone.
/// </summary>
internal static class OptimizerText
{
    public static string Describe(torch.optim.Optimizer optimizer, string indent)
    {
        try
        {
            return Settings(optimizer, indent);
        }
        catch (Exception e) when (e is System.Reflection.AmbiguousMatchException or System.Reflection.TargetInvocationException or InvalidOperationException)
        {
            return optimizer.GetType().Name;   // printing never fails a program
        }
    }

    private static string Settings(torch.optim.Optimizer optimizer, string indent)
    {
        var name = optimizer.GetType().Name;
        if (optimizer.GetType().GetProperty("ParamGroups")?.GetValue(optimizer) is not IEnumerable groups) return name;
        var text = new StringBuilder($"{name} (");
        var index = 0;
        foreach (var group in groups)
        {
            text.Append($"\n{indent}Parameter Group {index++}");
            // ParamGroup<TOptions> hides the untyped Options with a typed one: take the most derived.
            var optionsProperty = group?.GetType().GetProperties().Where(p => p.Name == "Options").OrderBy(p => p.DeclaringType == group.GetType() ? 0 : 1).FirstOrDefault();
            if (optionsProperty?.GetValue(group) is not { } options) continue;
            foreach (var property in options.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var value = property.GetValue(options);
                if (value is null || !(value.GetType().IsPrimitive || value is decimal)) continue;
                text.Append($"\n{indent}    {property.Name}: {Convert.ToString(value, CultureInfo.InvariantCulture)}");
            }
        }
        return text.Append($"\n{indent})").ToString();
    }
}
