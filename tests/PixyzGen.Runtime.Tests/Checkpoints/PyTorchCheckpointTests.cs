using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Linq;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Checkpoints;

/// <summary>
/// Checkpoints written by real PyTorch 1.13 and Pixyz 0.3.3 (Fixtures/PyTorch/make_fixtures.py) load into generated
/// classes and give the values Pixyz computed; what PixyzGen writes has Pixyz's layout and loads back.
/// </summary>
public class PyTorchCheckpointTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "PyTorch", name);

    private static Hashtable Expected() => PyTorchUnpickler.UnpickleStateDict(Fixture("expected.pt"));

    private static Tensor Value(Hashtable table, string key) => (Tensor)table[key]!;

    private static void AssertClose(Tensor actual, Tensor expected, string what)
    {
        Assert.That(actual.shape, Is.EqualTo(expected.shape), what);
        Assert.That(actual.allclose(expected, rtol: 1e-5, atol: 1e-5), Is.True,
            () => $"{what}: {string.Join(", ", actual.data<float>().Take(4))} vs Pixyz's {string.Join(", ", expected.data<float>().Take(4))}");
    }

    private static string Temporary(string extension) => Path.Combine(Path.GetTempPath(), $"pixyzgen-{Guid.NewGuid():N}{extension}");

    [Test]
    public void A_model_trained_and_saved_by_Pixyz_loads_into_the_generated_classes_and_gives_Pixyz_values()
    {
        using var model = new PixyzVae();
        PyTorchCheckpoint.LoadPixyz(Fixture("pixyz_vae.pt"), model.Q, model.P);
        var expected = Expected();
        var (x, z) = (Value(expected, "x"), Value(expected, "z"));
        AssertClose(model.P.LogProb(x, z), Value(expected, "log_p_x_given_z"), "log p(x|z)");
        AssertClose(model.Q.LogProb(z, x), Value(expected, "log_q_z_given_x"), "log q(z|x)");
        AssertClose(KL.NormalNormal(model.Q.Params(x), model.Prior.Params(), 1), Value(expected, "kl"), "KL(q(z|x) || p(z))");
    }

    [Test]
    public void A_state_dict_saved_by_torch_save_or_as_safetensors_loads_by_its_keys()
    {
        var expected = Expected();
        var (x, z) = (Value(expected, "x"), Value(expected, "z"));
        foreach (var file in new[] { "encoder.pt", "encoder.safetensors" })
        {
            using var encoder = new PixyzEncoder();
            PyTorchCheckpoint.Load(encoder, Fixture(file));
            AssertClose(encoder.LogProb(z, x), Value(expected, "log_q_z_given_x"), file);
        }
    }

    [Test]
    public void What_PixyzGen_writes_has_Pixyzs_keys_and_shapes_and_loads_back()
    {
        using var trained = new PixyzVae();
        PyTorchCheckpoint.LoadPixyz(Fixture("pixyz_vae.pt"), trained.Q, trained.P);
        var path = Temporary(".pt");
        try
        {
            PyTorchCheckpoint.SavePixyz(path, trained.Q, trained.P);
            var ours = (Hashtable)PyTorchUnpickler.UnpickleStateDict(path)["distributions"]!;
            var pixyz = (Hashtable)PyTorchUnpickler.UnpickleStateDict(Fixture("pixyz_vae.pt"))["distributions"]!;
            Assert.That(ours.Keys.Cast<string>().OrderBy(k => k), Is.EqualTo(pixyz.Keys.Cast<string>().OrderBy(k => k)));
            foreach (string key in pixyz.Keys) Assert.That(((Tensor)ours[key]!).shape, Is.EqualTo(((Tensor)pixyz[key]!).shape), key);

            using var fresh = new PixyzVae();
            PyTorchCheckpoint.LoadPixyz(path, fresh.Q, fresh.P);
            var expected = Expected();
            AssertClose(fresh.P.LogProb(Value(expected, "x"), Value(expected, "z")), Value(expected, "log_p_x_given_z"), "after the round trip");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Family_constants_take_and_lose_Pixyzs_leading_dimension_of_one()
    {
        var pixyzFile = (Hashtable)PyTorchUnpickler.UnpickleStateDict(Fixture("pixyz_prior.pt"))["distributions"]!;
        Assert.That(((Tensor)pixyzFile["0.loc"]!).shape, Is.EqualTo(new long[] { 1, 2 }), "Pixyz stores constants as [1, features]");
        using var prior = new Normal(tensor(new[] { 5f, 5f }), tensor(new[] { 3f, 3f }), var: new[] { "z" });
        PyTorchCheckpoint.LoadPixyz(Fixture("pixyz_prior.pt"), prior);
        Assert.That(prior.get_buffer("loc")!.shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(prior.get_buffer("loc")!.data<float>().ToArray(), Is.EqualTo(new[] { 0f, 0f }));
        Assert.That(prior.get_buffer("scale")!.data<float>().ToArray(), Is.EqualTo(new[] { 1f, 1f }));
        var path = Temporary(".pt");
        try
        {
            PyTorchCheckpoint.SavePixyz(path, prior);
            var written = (Hashtable)PyTorchUnpickler.UnpickleStateDict(path)["distributions"]!;
            Assert.That(((Tensor)written["0.scale"]!).shape, Is.EqualTo(new long[] { 1, 2 }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_checkpoint_that_does_not_fit_names_the_file_and_the_key_and_changes_nothing()
    {
        using var wider = new PixyzEncoder(hidden: 9);
        var before = wider.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        var shape = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(wider, Fixture("encoder.pt")));
        Assert.That(shape!.Message, Does.Contain("encoder.pt").And.Contain("fc1.weight").And.Contain("[8, 6]").And.Contain("[9, 6]").And.Contain("unchanged"));
        foreach (var (key, value) in wider.state_dict()) Assert.That(value.equal(before[key]).all().item<bool>(), Is.True, $"{key} was changed by a failed load");

        using var model = new PixyzVae();
        var layout = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(model.Q, Fixture("pixyz_vae.pt")));
        Assert.That(layout!.Message, Does.Contain("Pixyz's Model.save layout").And.Contain("LoadPixyz"), "a Pixyz file read as a plain state dict");
        var keys = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.LoadPixyz(Fixture("pixyz_vae.pt"), model.Q));
        Assert.That(keys!.Message, Does.Contain("unexpected: 1.").And.Contain("unchanged"), "one distribution named for a file of two");

        var notACheckpoint = Temporary(".pt");
        try
        {
            File.WriteAllText(notACheckpoint, "not a checkpoint");
            var format = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(model.Q, notACheckpoint));
            Assert.That(format!.Message, Does.Contain(notACheckpoint).And.Contain("not a PyTorch checkpoint"));
        }
        finally
        {
            File.Delete(notACheckpoint);
        }
    }

    [Test]
    public void Saving_refuses_non_finite_parameters_and_keeps_the_previous_file()
    {
        using var encoder = new PixyzEncoder();
        var path = Temporary(".safetensors");
        try
        {
            PyTorchCheckpoint.Save(encoder, path);
            var previous = File.ReadAllBytes(path);
            using (no_grad()) encoder.parameters().First().fill_(float.NaN);
            var error = Assert.Throws<InvalidOperationException>(() => PyTorchCheckpoint.Save(encoder, path));
            Assert.That(error!.Message, Does.Contain("NaN").And.Contain("fc1.weight"));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(previous));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}*"), Is.Empty, "no temporary file left");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Pixyz_reads_what_PixyzGen_writes()
    {
        var pixyzSource = Environment.GetEnvironmentVariable("PIXYZ_SOURCE");
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        string Run(params string[] arguments)
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Fixture("") };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            if (pixyzSource is not null) start.Environment["PYTHONPATH"] = pixyzSource;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : throw new InvalidOperationException(error);
        }
        try
        {
            Run("-c", "import torch, pixyz");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("needs python3 with torch and Pixyz (PIXYZ_SOURCE=<pixyz source tree>, Debian's python3-torch): " + e.Message.Split('\n').LastOrDefault(l => l.Length > 0));
        }
        using var model = new PixyzVae();
        PyTorchCheckpoint.LoadPixyz(Fixture("pixyz_vae.pt"), model.Q, model.P);
        using (no_grad()) foreach (var parameter in model.P.parameters()) parameter.mul_(0.5);   // not the fixture's values any more
        var path = Temporary(".pt");
        try
        {
            PyTorchCheckpoint.SavePixyz(path, model.Q, model.P);
            var printed = Run("check_roundtrip.py", path, Fixture("expected.pt")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => float.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var expected = Expected();
            AssertClose(tensor(printed), model.P.LogProb(Value(expected, "x"), Value(expected, "z")), "Pixyz's log p(x|z) of PixyzGen's checkpoint");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
