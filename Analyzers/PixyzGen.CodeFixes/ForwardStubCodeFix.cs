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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using PixyzGen.Analyzers;
using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.CodeFixes;

/// <summary>
/// PXY0303 on a [Distribution] class without Forward: writes <c>private NormalParams Forward(Tensor x, ...)</c> with
/// the conditioning variables in order, its body left for the user (it throws until written).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForwardStubCodeFix)), Shared]
public sealed class ForwardStubCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ForwardMismatch);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Parameters, out var parameters) || parameters is null) return;   // Forward exists: rename by hand
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Family, out var family) || family is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration) return;
        var names = parameters.Split(new[] { ',' }, System.StringSplitOptions.RemoveEmptyEntries);
        context.RegisterCodeFix(
            CodeAction.Create($"Add Forward({string.Join(", ", names)})", c => AddForward(context.Document, root, declaration, family, names, c), nameof(ForwardStubCodeFix)),
            diagnostic);
    }

    private static Task<Document> AddForward(Document document, SyntaxNode root, TypeDeclarationSyntax declaration, string family, string[] names, CancellationToken cancellation)
    {
        var tensor = SyntaxFactory.ParseTypeName("global::TorchSharp.torch.Tensor").WithAdditionalAnnotations(Simplifier.Annotation);
        var parameters = names.Select(n => SyntaxFactory.Parameter(SyntaxFactory.Identifier(n)).WithType(tensor));
        var message = $"Compute the {family} parameters from {string.Join(", ", names)}.";
        var forward = SyntaxFactory.MethodDeclaration(SyntaxFactory.ParseTypeName($"global::PixyzGen.{family}Params").WithAdditionalAnnotations(Simplifier.Annotation), "Forward")
            .AddModifiers(SyntaxFactory.Token(SyntaxKind.PrivateKeyword))
            .AddParameterListParameters(parameters.ToArray())
            .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression($"throw new System.NotImplementedException(\"{message}\")").WithAdditionalAnnotations(Simplifier.Annotation)))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var withBraces = declaration.OpenBraceToken.IsKind(SyntaxKind.None)
            ? declaration.WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
            : declaration;
        var updated = withBraces.AddMembers(forward).WithAdditionalAnnotations(Formatter.Annotation);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)));
    }
}
