using System.Linq;
using System.Reflection;

namespace PixyzGen.Generator.Emit;

/// <summary>Where the rule pages are published: <c>PixyzGenHelpLinkBase</c> of Directory.Build.props, recorded in this assembly by the build.</summary>
internal static class HelpLinks
{
    public static readonly string Base = typeof(HelpLinks).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), false)
        .Cast<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "PixyzGenHelpLinkBase")?.Value ?? "";
}
