using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// Generated text names the Runtime and TorchSharp as <c>global::PixyzGen</c> and <c>global::TorchSharp</c>. A project
/// that references either under an extern alias (<c>&lt;Aliases&gt;px&lt;/Aliases&gt;</c>) has no such global names:
/// there each alias-qualified name of that namespace is rewritten to the alias, in the syntax tree (never in string
/// literals or comments), and the file declares <c>extern alias</c>.
/// </summary>
internal static class ExternAliases
{
    public static string Apply(string source, LanguageFacts language)
    {
        if (language.RuntimeAlias is null && language.TorchSharpAlias is null) return source;
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var rewritten = new Rewriter(language).Visit(root).ToFullString();
        var declarations = "";
        foreach (var alias in new[] { language.RuntimeAlias, language.TorchSharpAlias })
            if (alias is not null && !declarations.Contains($"extern alias {alias};")) declarations += $"extern alias {alias};\n";
        // After the header lines (comments, #nullable and #pragma directives), before the first declaration.
        var at = 0;
        while (at < rewritten.Length && (rewritten[at] == '/' || rewritten[at] == '#' || rewritten[at] == '\n'))
            at = rewritten.IndexOf('\n', at) is var end and >= 0 ? end + 1 : rewritten.Length;
        return rewritten.Substring(0, at) + declarations + rewritten.Substring(at);
    }

    private sealed class Rewriter(LanguageFacts language) : CSharpSyntaxRewriter(visitIntoStructuredTrivia: true)
    {
        public override SyntaxNode? VisitAliasQualifiedName(AliasQualifiedNameSyntax node)
        {
            if (node.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword))
            {
                var alias = node.Name.Identifier.ValueText switch
                {
                    "PixyzGen" => language.RuntimeAlias,
                    "TorchSharp" => language.TorchSharpAlias,
                    _ => null,
                };
                if (alias is not null)
                    return node.WithAlias(SyntaxFactory.IdentifierName(alias).WithTriviaFrom(node.Alias));
            }
            return base.VisitAliasQualifiedName(node);
        }
    }
}
