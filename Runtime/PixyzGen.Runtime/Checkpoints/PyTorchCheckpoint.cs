using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Parameters in PyTorch's own formats, read and written through TorchSharp.PyBridge: a <c>torch.save</c>d state dict
/// (<c>.pt</c>, <c>.pth</c>, <c>.bin</c>: what <c>torch.load</c> reads) or safetensors (<c>.safetensors</c>). Keys are
/// the module's state-dict keys (<c>Q.fc1.weight</c>), so a PyTorch module with the same structure and names loads
/// here and back. <see cref="SavePixyz"/> and <see cref="LoadPixyz"/> use Pixyz's <c>Model.save</c> layout.
/// </summary>
/// <remarks>
/// Saving is atomic and refuses non-finite parameters; loading is all or nothing: every key must be present with its
/// shape and dtype before any value is written, and an error names the file and what did not fit.
/// </remarks>
public static class PyTorchCheckpoint
{
    /// <summary>Writes <paramref name="module"/>'s state dict to <paramref name="path"/> (safetensors for <c>.safetensors</c>, else <c>torch.save</c>'s format).</summary>
    public static void Save(nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        Write(path, StateOf(module, prefix: "", pixyzShapes: false), nested: null);
    }

    /// <summary>Reads a state dict written by <c>torch.save(module.state_dict(), path)</c>, safetensors or <see cref="Save"/> into <paramref name="module"/>.</summary>
    public static void Load(nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var scope = NewDisposeScope();
        Assign(StateOf(module, prefix: "", pixyzShapes: false), Read(path, unwrap: null), path);
    }

    /// <summary>
    /// Writes the distributions as Pixyz's <c>Model.save</c> does: <c>{"distributions": state_dict}</c> of the
    /// <c>ModuleList</c> of <paramref name="distributions"/> in Pixyz's order (for <c>VAE(q, p, ...)</c>: q, then p),
    /// constants with Pixyz's leading dimension of 1, so <c>model.load(path)</c> in Pixyz reads it.
    /// </summary>
    public static void SavePixyz(string path, params Distribution[] distributions)
    {
        var state = PixyzState(distributions);
        Write(path, state, nested: path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) ? null : PixyzKey);
    }

    /// <summary>Reads what Pixyz's <c>Model.save</c> wrote (or a state dict of its <c>distributions</c>) into <paramref name="distributions"/>, in Pixyz's order.</summary>
    public static void LoadPixyz(string path, params Distribution[] distributions)
    {
        using var scope = NewDisposeScope();
        Assign(PixyzState(distributions), Read(path, unwrap: PixyzKey), path);
    }

    private const string PixyzKey = "distributions";

    /// <summary>A state entry: the live tensor and, for Pixyz's layout, whether it is a constant stored as [1, ...shape].</summary>
    private readonly record struct Entry(Tensor Tensor, bool LeadingOne);

    private static Dictionary<string, Entry> PixyzState(Distribution[] distributions)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        if (distributions.Length == 0) throw new ArgumentException("Name the distributions in Pixyz's order (for VAE(q, p): q, then p).", nameof(distributions));
        var state = new Dictionary<string, Entry>();
        for (var i = 0; i < distributions.Length; i++)
            foreach (var (key, entry) in StateOf(distributions[i] ?? throw new ArgumentNullException(nameof(distributions)), prefix: i + ".", pixyzShapes: true))
                state[key] = entry;
        return state;
    }

    /// <summary>The module's state-dict entries under <paramref name="prefix"/>; with <paramref name="pixyzShapes"/>, family constants marked.</summary>
    private static Dictionary<string, Entry> StateOf(nn.Module module, string prefix, bool pixyzShapes)
    {
        var constants = pixyzShapes ? ConstantKeys(module) : new HashSet<string>();
        return module.state_dict().ToDictionary(kv => prefix + kv.Key, kv => new Entry(kv.Value, constants.Contains(kv.Key)));
    }

    /// <summary>The state-dict keys of every family constant in the module and its submodules (<c>loc</c>, <c>prior.scale</c>).</summary>
    private static HashSet<string> ConstantKeys(nn.Module module)
    {
        var keys = new HashSet<string>();
        var buffers = new HashSet<string>(module.named_buffers().Select(b => b.name));
        var modules = new List<(string Name, nn.Module Module)> { ("", module) };
        modules.AddRange(module.named_modules().Select(m => (m.name, (nn.Module)m.module)));
        foreach (var (name, owner) in modules)
        {
            if (owner is not IConstantParameters family) continue;
            foreach (var parameter in family.ParameterNames)
            {
                var key = name.Length == 0 ? parameter : name + "." + parameter;
                if (buffers.Contains(key)) keys.Add(key);
            }
        }
        return keys;
    }

    private static void Write(string path, Dictionary<string, Entry> state, string? nested)
    {
        // The finiteness checks and the CPU copies are temporaries of this call.
        using var scope = NewDisposeScope();
        foreach (var (key, entry) in state)
            if (entry.Tensor.is_floating_point() && !entry.Tensor.isfinite().all().item<bool>())
                throw new InvalidOperationException($"Refusing to save {path}: '{key}' holds NaN or infinite values (training diverged); the previous file is unchanged.");
        var values = state.ToDictionary(kv => kv.Key, kv => (kv.Value.LeadingOne ? kv.Value.Tensor.unsqueeze(0) : kv.Value.Tensor).detach().cpu().contiguous());
        var safetensors = path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, writer =>
        {
            if (safetensors)
            {
                Safetensors.SaveStateDict(writer.BaseStream, values, leaveOpen: true);
                return;
            }
            IDictionary pickled = new Hashtable(values.ToDictionary(kv => kv.Key, kv => (object)kv.Value));
            if (nested is not null) pickled = new Hashtable { [nested] = pickled };
            PyTorchPickler.PickleStateDict(writer.BaseStream, pickled, leaveOpen: true);
        });
    }

    /// <summary>The tensors in the file by key; a dictionary under <paramref name="unwrap"/> (Pixyz's "distributions") is taken as the state.</summary>
    private static Dictionary<string, Tensor> Read(string path, string? unwrap)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such checkpoint.", path);
        object loaded;
        try
        {
            if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
                return Safetensors.LoadStateDict(path);
            using var stream = File.OpenRead(path);
            loaded = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception e) when (e is EndOfStreamException || e is not IOException)
        {
            throw new InvalidDataException($"{path}: not a PyTorch checkpoint (a torch.save state dict or safetensors file): {e.Message}", e);
        }
        var top = (IDictionary)loaded;
        if (unwrap is not null && top.Contains(unwrap) && top[unwrap] is IDictionary inner) top = inner;
        var state = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry item in top)
        {
            var key = item.Key?.ToString() ?? "";
            if (unwrap is null && key == PixyzKey && item.Value is IDictionary)
                throw new InvalidDataException($"{path}: this is Pixyz's Model.save layout ({{\"{PixyzKey}\": state_dict}}); read it with {nameof(PyTorchCheckpoint)}.{nameof(LoadPixyz)}, naming the distributions in Pixyz's order.");
            state[key] = item.Value as Tensor
                ?? throw new InvalidDataException($"{path}: entry '{key}' is a {item.Value?.GetType().Name ?? "null"}, not a tensor; save the state_dict itself{(unwrap is null ? "" : $" or Pixyz's Model.save")}.");
        }
        return state;
    }

    /// <summary>Checks every key, shape and dtype, then copies: nothing is written unless everything fits.</summary>
    private static void Assign(Dictionary<string, Entry> targets, Dictionary<string, Tensor> source, string path)
    {
        var missing = targets.Keys.Where(k => !source.ContainsKey(k)).ToList();
        var unexpected = source.Keys.Where(k => !targets.ContainsKey(k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new InvalidDataException($"{path}: the keys do not match this model ({Listed("missing", missing)}{(missing.Count > 0 && unexpected.Count > 0 ? "; " : "")}{Listed("unexpected", unexpected)}); the model is unchanged.");
        var values = new List<(Tensor Target, Tensor Value)>();
        foreach (var (key, entry) in targets)
        {
            var value = source[key];
            var target = entry.Tensor;
            var fits = value.shape.SequenceEqual(target.shape)
                || entry.LeadingOne && value.shape.Length == target.shape.Length + 1 && value.shape[0] == 1 && value.shape.Skip(1).SequenceEqual(target.shape);
            if (!fits)
                throw new InvalidDataException($"{path}: '{key}' has shape {Distribution.Format(value.shape)} in the file but {Distribution.Format(target.shape)} in the model; the model is unchanged.");
            if (value.dtype != target.dtype)
                throw new InvalidDataException($"{path}: '{key}' is {value.dtype} in the file but {target.dtype} in the model; the model is unchanged.");
            values.Add((target, value.reshape(target.shape)));
        }
        using (no_grad())
            foreach (var (target, value) in values) target.copy_(value);
    }

    private static string Listed(string what, List<string> keys) =>
        keys.Count == 0 ? "" : $"{what}: {string.Join(", ", keys.Take(8))}{(keys.Count > 8 ? $" and {keys.Count - 8} more" : "")}";
}
