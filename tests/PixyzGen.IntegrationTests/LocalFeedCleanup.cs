using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>Deletes the shared feed once every test of the assembly has run.</summary>
[SetUpFixture]
public sealed class LocalFeedCleanup
{
    [OneTimeTearDown]
    public void Delete()
    {
        if (LocalFeed.IsPacked) LocalFeed.Shared.Delete();
    }
}
