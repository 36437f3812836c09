namespace PixyzGen.Runtime.Tests;

/// <summary>The tests run as a program does: <see cref="NativeSettings.Configure"/> first, before any TorchSharp call.</summary>
[SetUpFixture]
public sealed class NativeSetUp
{
    [OneTimeSetUp]
    public void Configure() => NativeSettings.Configure(adaptThreads: false);
}
