using System;
using System.Text;

namespace PixyzGen;

/// <summary>
/// A formula parsed at run time (<see cref="Loss.Parse(string, GenerativeModel)"/>) that the DSL's checker refuses: the
/// rule's PXY <see cref="Id"/>, the span in the formula (<see cref="Start"/>, <see cref="Length"/>) and the analyzer's
/// message, the same the build would report for the formula in a <c>[Loss]</c>.
/// </summary>
public sealed class DslException : Exception
{
    /// <summary>A refused formula: the rule, its message, the formula and the span the rule points at.</summary>
    public DslException(string id, string message, string formula, int start, int length) : base($"{id}: {message}")
    {
        Id = id;
        Formula = formula;
        Start = start;
        Length = length;
    }

    /// <summary>The rule's ID, as the analyzer reports it (PXY0201, ...).</summary>
    public string Id { get; }

    /// <summary>The formula as given.</summary>
    public string Formula { get; }

    /// <summary>Where the error starts in <see cref="Formula"/> (a character index).</summary>
    public int Start { get; }

    /// <summary>How many characters of <see cref="Formula"/> it covers (at least one is marked).</summary>
    public int Length { get; }

    /// <summary>The message, the formula, and a caret line under the span.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Message).Append('\n').Append("  ").Append(Formula.Replace('\n', ' ')).Append('\n');
        var start = Math.Clamp(Start, 0, Formula.Length);
        text.Append(' ', 2 + start).Append('^', Math.Max(1, Math.Min(Length, Formula.Length - start)));
        return text.ToString();
    }
}
