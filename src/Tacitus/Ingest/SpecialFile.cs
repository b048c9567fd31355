using System.Runtime.InteropServices;

namespace Tacitus.Ingest;

/// <summary>
/// Tells FIFOs, devices and sockets from regular files without opening them (opening a FIFO with no writer waits
/// forever). .NET's file attributes do not say, so this asks the runtime's own native shim (System.Native, shipped
/// with every .NET on Unix) for the file's mode. On Windows, or if the shim cannot be reached, every file counts as
/// regular.
/// </summary>
internal static partial class SpecialFile
{
    private const int TypeMask = 0xF000;

    /// <summary>"a FIFO", "a character device", "a block device" or "a socket"; null for a regular file or a directory.</summary>
    public static string? Describe(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // System.Native's FileStatus: Flags (int), then Mode (int); the rest is not read. Room to spare for later fields.
        var status = new byte[256];
        try
        {
            if (Stat(path, status) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return (BitConverter.ToInt32(status, 4) & TypeMask) switch
        {
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => null,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] status);
}
