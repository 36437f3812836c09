using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.CodeFixes;

/// <summary>PXY0301: adds <c>partial</c> to the type that lacks it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix)), Shared]
public sealed class AddPartialCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotPartial);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration) return;
        context.RegisterCodeFix(
            CodeAction.Create($"Make '{declaration.Identifier.Text}' partial", c => AddPartial(context.Document, root, declaration, c), nameof(AddPartialCodeFix)),
            context.Diagnostics);
    }

    private static Task<Document> AddPartial(Document document, SyntaxNode root, TypeDeclarationSyntax declaration, CancellationToken cancellation)
    {
        // 'partial' must come right before the type keyword: append it to the modifiers.
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        var updated = declaration.Modifiers.Count == 0
            ? declaration.WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(declaration.Keyword.LeadingTrivia)))
                .WithKeyword(declaration.Keyword.WithLeadingTrivia())
            : declaration.WithModifiers(declaration.Modifiers.Add(partial));
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)));
    }
}
