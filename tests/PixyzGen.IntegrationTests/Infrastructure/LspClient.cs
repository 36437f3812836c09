using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PixyzGen.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal Language Server Protocol client over a server's stdin/stdout (JSON-RPC with Content-Length framing), as an
/// editor drives csharp-ls: requests with responses, notifications it collects, and answers to the server's own
/// requests (<c>workspace/configuration</c> from <see cref="Configuration"/>; registrations and progress accepted).
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process server;
    private readonly Stream input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly BlockingCollection<JsonObject> notifications = new();
    private readonly StringBuilder log = new();
    private readonly Thread reader;
    private int nextId;

    public LspClient(string fileName, string arguments, string workingDirectory, JsonObject configuration)
    {
        Configuration = configuration;
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test host's MSBuild settings would point the server's own MSBuild at the test run.
        foreach (var key in new List<string>(EnvironmentKeys(start))) start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        server = Process.Start(start)!;
        input = server.StandardInput.BaseStream;
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        server.BeginErrorReadLine();
        reader = new Thread(ReadMessages) { IsBackground = true, Name = "lsp-reader" };
        reader.Start();
    }

    /// <summary>What the client answers to <c>workspace/configuration</c> for every section asked.</summary>
    public JsonObject Configuration { get; }

    /// <summary>The server's standard error so far, for failure messages.</summary>
    public string ServerLog { get { lock (log) return log.ToString(); } }

    public async Task<JsonNode?> Request(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout));
        if (finished != completion.Task) throw new TimeoutException($"{method}: no response within {timeout}.\n{ServerLog}");
        return await completion.Task;
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>The first notification of <paramref name="method"/> that <paramref name="accept"/> takes, waiting up to <paramref name="timeout"/>.</summary>
    public JsonObject WaitFor(string method, Func<JsonObject, bool> accept, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !notifications.TryTake(out var message, left))
                throw new TimeoutException($"no {method} as expected within {timeout}.\n{ServerLog}");
            if (message["method"]?.GetValue<string>() == method && accept((JsonObject)message["params"]!)) return (JsonObject)message["params"]!;
        }
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (input)
        {
            input.Write(header);
            input.Write(body);
            input.Flush();
        }
    }

    private void ReadMessages()
    {
        var output = server.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } message)
            {
                if (message["id"] is { } id && message["method"] is null)
                {
                    if (pending.TryRemove(id.GetValue<int>(), out var completion))
                    {
                        if (message["error"] is { } error) completion.SetException(new InvalidOperationException(error.ToJsonString()));
                        else completion.SetResult(message["result"]?.DeepClone());
                    }
                }
                else if (message["id"] is { } requestId)
                {
                    Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = AnswerTo(message) });
                }
                else
                {
                    notifications.Add(message);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private JsonNode? AnswerTo(JsonObject request)
    {
        if (request["method"]?.GetValue<string>() != "workspace/configuration") return null;
        var answers = new JsonArray();
        foreach (var _ in request["params"]?["items"]?.AsArray() ?? new JsonArray()) answers.Add(Configuration.DeepClone());
        return answers;
    }

    private static JsonObject? ReadMessage(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = ReadHeaderLine(stream);
            if (line is null) return null;
            if (line.Length == 0) break;
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = stream.Read(body, read, length - read);
            if (n == 0) return null;
            read += n;
        }
        return JsonNode.Parse(body) as JsonObject;
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0) return null;
            if (b == '\n') return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            bytes.Add((byte)b);
        }
    }

    private static IEnumerable<string> EnvironmentKeys(ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys)
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || key == "DOTNET_HOST_PATH")
                yield return key;
    }

    public void Dispose()
    {
        try
        {
            if (!server.HasExited)
            {
                try { Request("shutdown", null, TimeSpan.FromSeconds(10)).Wait(); Notify("exit", null); }
                catch (Exception) { }
                if (!server.WaitForExit(10_000)) server.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            server.Dispose();
            notifications.Dispose();
        }
    }
}
