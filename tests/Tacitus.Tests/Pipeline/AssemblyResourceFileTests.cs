using System.Reflection;
using System.Reflection.Emit;
using System.Security.Cryptography;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Pipeline;

public sealed class AssemblyResourceFileTests
{
    private static readonly Assembly Shipped = typeof(AssemblyResourceFile).Assembly;

    [Fact]
    public void TryAppend_EachEmbeddedResource_SameBytesAsTheLoadedImage()
    {
        using var file = AssemblyResourceFile.TryOpen(Shipped);
        Assert.NotNull(file);
        var names = Shipped.GetManifestResourceNames();
        Assert.NotEmpty(names);
        var buffer = new byte[4096];
        foreach (var name in names)
        {
            using var fromFile = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Assert.True(file.TryAppend(name, fromFile, buffer), name);
            using var stream = Shipped.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);

            Assert.Equal(SHA256.HashData(copy.ToArray()), fromFile.GetHashAndReset());
        }
    }

    [Fact]
    public void TryAppend_NameNotEmbedded_FalseAndNothingAppended()
    {
        using var file = AssemblyResourceFile.TryOpen(Shipped);
        Assert.NotNull(file);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        Assert.False(file.TryAppend("Tacitus.NoSuchResource.txt", hash, new byte[16]));
        Assert.Equal(SHA256.HashData([]), hash.GetHashAndReset());
    }

    [Fact]
    public void TryOpen_AssemblyWithoutAFile_Null()
    {
        var dynamic = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("TacitusNoFile"), AssemblyBuilderAccess.Run);

        Assert.Null(AssemblyResourceFile.TryOpen(dynamic));
    }

    [Fact]
    public void TryOpen_FileOfAnotherAssembly_Null()
    {
        // the file at the location is not the loaded module (another module version id): as after a rebuild
        Assert.Null(AssemblyResourceFile.TryOpen(new LocatedElsewhere(Shipped, typeof(AssemblyResourceFileTests).Assembly.Location)));
    }

    /// <summary>The shipped assembly, claiming to have been loaded from another assembly's file.</summary>
    private sealed class LocatedElsewhere(Assembly inner, string location) : Assembly
    {
        public override string Location => location;

        public override Module ManifestModule => inner.ManifestModule;

        public override string[] GetManifestResourceNames() => inner.GetManifestResourceNames();
    }
}
