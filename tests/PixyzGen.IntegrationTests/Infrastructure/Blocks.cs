using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PixyzGen.IntegrationTests.Infrastructure;

/// <summary>The ```sh blocks of a markdown page, as a reader copies them.</summary>
public static class Blocks
{
    /// <summary>The text of each ```sh block, optionally only those under the heading <paramref name="section"/> (up to the next heading of its level).</summary>
    public static IReadOnlyList<string> Sh(string markdown, string? section = null)
    {
        markdown = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (section is not null)
        {
            var start = markdown.IndexOf(section + "\n", StringComparison.Ordinal);
            if (start < 0) throw new ArgumentException($"The page has no heading '{section}'.", nameof(section));
            var level = section[..(section.IndexOf(' ', StringComparison.Ordinal) + 1)];
            var end = markdown.IndexOf("\n" + level, start + section.Length, StringComparison.Ordinal);
            markdown = markdown[start..(end < 0 ? markdown.Length : end)];
        }
        return Regex.Matches(markdown, "```sh\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
    }
}
