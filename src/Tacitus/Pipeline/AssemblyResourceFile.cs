using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Tacitus.Pipeline;

/// <summary>
/// An assembly's embedded resources read from its file on disk (where the resources directory of the file puts them),
/// for a caller that reads each once and should not leave the runtime's mapping of the image resident
/// (<see cref="ProvenanceFingerprint"/>).
/// </summary>
internal sealed class AssemblyResourceFile : IDisposable
{
    private readonly SafeFileHandle handle;
    private readonly Dictionary<string, long> offsets;

    private AssemblyResourceFile(SafeFileHandle handle, Dictionary<string, long> offsets)
    {
        this.handle = handle;
        this.offsets = offsets;
    }

    /// <summary>
    /// The file <paramref name="assembly"/> was loaded from, or null when it has none (loaded from bytes, bundled into a
    /// single file) or the file there is no longer the loaded one (rebuilt since: another module version id), or cannot
    /// be read as one; the caller then reads the loaded image, which gives the same bytes.
    /// </summary>
    public static AssemblyResourceFile? TryOpen(Assembly assembly)
    {
        var location = assembly.Location;
        if (string.IsNullOrEmpty(location))
        {
            return null;
        }

        SafeFileHandle? handle = null;
        try
        {
            Dictionary<string, long>? offsets;
            using (var pe = new PEReader(File.OpenRead(location)))
            {
                offsets = Offsets(pe, assembly.ManifestModule.ModuleVersionId);
            }

            if (offsets is null)
            {
                return null;
            }

            // opened after the check: a file replaced in between is at worst read as another build's resources, and
            // a deterministic build of the same sources has the same ones
            handle = File.OpenHandle(location);
            return new AssemblyResourceFile(handle, offsets);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            // not readable as the loaded assembly's file: the loaded image has the same bytes
            handle?.Dispose();
            return null;
        }
    }

    /// <summary>Appends the bytes of the resource <paramref name="name"/> to <paramref name="hash"/>; false when the file has no such resource.</summary>
    public bool TryAppend(string name, IncrementalHash hash, byte[] buffer)
    {
        if (!offsets.TryGetValue(name, out var offset))
        {
            return false;
        }

        // each resource is its length (4 bytes, little-endian) and then its bytes
        Span<byte> prefix = stackalloc byte[4];
        if (RandomAccess.Read(handle, prefix, offset) != 4)
        {
            return false;
        }

        long left = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        var at = offset + 4;
        while (left > 0)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, left)), at);
            if (read == 0)
            {
                throw new IOException($"{name} ends before its length in the assembly file");
            }

            hash.AppendData(buffer, 0, read);
            at += read;
            left -= read;
        }

        return true;
    }

    public void Dispose() => handle.Dispose();

    /// <summary>The file offsets of the embedded resources, or null when the file is not the module <paramref name="mvid"/>.</summary>
    private static Dictionary<string, long>? Offsets(PEReader pe, Guid mvid)
    {
        if (!pe.HasMetadata || pe.PEHeaders.CorHeader is not { } cor)
        {
            return null;
        }

        var metadata = pe.GetMetadataReader();
        if (metadata.GetGuid(metadata.GetModuleDefinition().Mvid) != mvid
            || !pe.PEHeaders.TryGetDirectoryOffset(cor.ResourcesDirectory, out var directory))
        {
            return null;
        }

        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (resource.Implementation.IsNil)
            {
                offsets[metadata.GetString(resource.Name)] = directory + resource.Offset;
            }
        }

        return offsets;
    }
}
