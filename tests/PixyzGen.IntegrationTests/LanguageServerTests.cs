using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// The design card's promise, checked in a real language server: csharp-ls 0.28.0 (a Roslyn 5.9 server, installed as a
/// dotnet tool) opens a project that references the packed PixyzGen, runs the generator and our analyzers, and publishes
/// our diagnostic at the exact range inside the DSL string after the user edits it. What csharp-ls does not do (code
/// fixes from analyzer packages) is shown too, and the same fix is applied the way IDEs do in <see cref="IdeWorkspaceTests"/>.
/// </summary>
[NonParallelizable]
public class LanguageServerTests
{
    private static readonly TimeSpan Load = TimeSpan.FromMinutes(4);

    private static (int Line, int Character) Position(string text, int offset)
    {
        var line = text.Take(offset).Count(c => c == '\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        return (line, offset - lineStart);
    }

    private static JsonObject Range(string text, int offset, int length)
    {
        var (startLine, startCharacter) = Position(text, offset);
        var (endLine, endCharacter) = Position(text, offset + length);
        return new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
            ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
        };
    }

    private static string Codes(JsonObject published) =>
        string.Join(", ", published["diagnostics"]!.AsArray().Select(d => $"{d!["code"]} {d["range"]!.ToJsonString()} {d["message"]}"));

    [Test]
    public async Task Csharp_ls_publishes_our_diagnostic_at_its_range_inside_the_string_and_the_generated_members_resolve()
    {
        var folder = IdeUserProject.Create(LocalFeed.Shared);
        var tools = Path.Combine(folder, ".tools");
        DotNet.Run(folder, $"tool install csharp-ls --version 0.28.0 --tool-path \"{tools}\"").Succeeded("install csharp-ls 0.28.0");
        var root = new Uri(folder + Path.DirectorySeparatorChar).AbsoluteUri;
        var file = Path.Combine(folder, "Model.cs");
        var uri = new Uri(file).AbsoluteUri;

        using var client = new LspClient(Path.Combine(tools, "csharp-ls"), "", folder, new JsonObject { ["analyzersEnabled"] = true });
        await client.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "ide" }),
            // Push diagnostics (no pull capability), and configuration so the server asks for analyzersEnabled.
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = false },
                    ["codeAction"] = new JsonObject(),
                },
            },
        }, Load);
        client.Notify("initialized", new JsonObject());
        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = IdeUserProject.ModelSource },
        });

        // The user edits the DSL string: the server republishes with our error at "q(z)" inside it.
        var edited = IdeUserProject.Edited;
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = edited }),
        });
        var published = client.WaitFor("textDocument/publishDiagnostics",
            p => p["uri"]!.GetValue<string>() == uri && p["diagnostics"]!.AsArray().Any(d => d!["code"]?.ToString() == "PXY0202"), Load);
        var diagnostics = published["diagnostics"]!.AsArray();
        var ours = diagnostics.Single(d => d!["code"]!.ToString() == "PXY0202")!;
        var at = edited.IndexOf(IdeUserProject.EditedTerm, StringComparison.Ordinal) + "KL(".Length;
        Assert.That(ours["range"]!.ToJsonString(), Is.EqualTo(Range(edited, at, IdeUserProject.Mistake.Length).ToJsonString()), Codes(published));
        Assert.That(ours["message"]!.ToString(), Does.Contain("q(z) does not match the declared q(z|x) of member 'Q'"));
        // Generated Loss, Sample and the rest resolve: the generator runs inside the server.
        Assert.That(diagnostics.Where(d => d!["code"]!.ToString().StartsWith("CS", StringComparison.Ordinal) && d["severity"]!.GetValue<int>() == 1), Is.Empty, Codes(published));

        // csharp-ls 0.28 takes code fixes only from Roslyn's own assemblies, for compiler diagnostics: ours are not offered.
        var actions = (await client.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = ours["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(ours.DeepClone()) },
        }, Load))?.AsArray() ?? new JsonArray();
        Assert.That(actions.Select(a => a!["title"]!.ToString()), Has.None.StartsWith("Use the declared"),
            "if csharp-ls now offers analyzer packages' code fixes, docs/ide.md should say so");

        // The user undoes the edit: the error goes away.
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = IdeUserProject.ModelSource }),
        });
        client.WaitFor("textDocument/publishDiagnostics",
            p => p["uri"]!.GetValue<string>() == uri && p["version"]?.GetValue<int>() is null or 3 && !p["diagnostics"]!.AsArray().Any(d => d!["code"]!.ToString().StartsWith("PXY", StringComparison.Ordinal)), Load);
    }
}
