using System.Linq;
using Microsoft.CodeAnalysis;

namespace PixyzGen.Analyzers.Tests.Infrastructure;

/// <summary>What a user project compiles against: the offline .NET 10 reference assemblies, the Runtime and TorchSharp.</summary>
public static class TestReferences
{
    public static readonly MetadataReference[] All = Basic.Reference.Assemblies.Net100.References.All
        .Concat(new[] { typeof(PixyzGen.Normal).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location }.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)))
        .ToArray();
}
