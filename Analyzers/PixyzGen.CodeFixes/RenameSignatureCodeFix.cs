using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PixyzGen.Analyzers;
using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.CodeFixes;

/// <summary>
/// PXY0202: a formula refers to <c>p(x|y)</c> where the member declares <c>p(x|z)</c>; writes the declared signature
/// in place, inside the string literal. Offered only when the diagnostic points at the exact text (no escapes).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameSignatureCodeFix)), Shared]
public sealed class RenameSignatureCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SignatureMismatch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) || replacement is null) continue;
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var token = root?.FindToken(diagnostic.Location.SourceSpan.Start);
            if (token is not { } literal || !literal.IsKind(SyntaxKind.StringLiteralToken) || literal.Span == diagnostic.Location.SourceSpan) continue;   // whole literal: not exact
            context.RegisterCodeFix(
                CodeAction.Create($"Use the declared {replacement}", c => Replace(context.Document, diagnostic.Location.SourceSpan, replacement, c), nameof(RenameSignatureCodeFix) + replacement),
                diagnostic);
        }
    }

    private static async Task<Document> Replace(Document document, TextSpan span, string replacement, CancellationToken cancellation)
    {
        var text = await document.GetTextAsync(cancellation).ConfigureAwait(false);
        return document.WithText(text.Replace(span, replacement));
    }
}
