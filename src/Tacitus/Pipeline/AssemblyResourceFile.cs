using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Tacitus.Pipeline;

/// <summary>
/// An assembly's embedded resources read from its file on disk (where the resources directory of the file puts them),
/// for a caller that reads each once and should not leave the runtime's mapping of the image resident
/// (<see cref="ProvenanceFingerprint"/>).
/// </summary>
internal sealed class AssemblyResourceFile : IDisposable
{
    private readonly FileStream file;
    private readonly Dictionary<string, long> offsets;

    private AssemblyResourceFile(FileStream file, Dictionary<string, long> offsets)
    {
        this.file = file;
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

        FileStream? file = null;
        try
        {
            // one open for the check and the reads, so that a file replaced after the check is never read as this one
            file = new FileStream(location, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0);
            Dictionary<string, long>? offsets;
            using (var pe = new PEReader(file, PEStreamOptions.LeaveOpen))
            {
                offsets = Offsets(pe, assembly.ManifestModule.ModuleVersionId);
            }

            if (offsets is null)
            {
                file.Dispose();
                return null;
            }

            return new AssemblyResourceFile(file, offsets);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            // not readable as the loaded assembly's file: the loaded image has the same bytes
            file?.Dispose();
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
        if (RandomAccess.Read(file.SafeFileHandle, prefix, offset) != 4)
        {
            return false;
        }

        long left = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        var at = offset + 4;
        while (left > 0)
        {
            var read = RandomAccess.Read(file.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, left)), at);
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

    public void Dispose() => file.Dispose();

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
