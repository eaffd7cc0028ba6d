namespace AfterSales.Cloud.Broker;

/// <summary>Writes a file with its final permissions from the first byte, for keys and credentials.</summary>
internal static class ProtectedFileStore
{
    /// <summary>Written beside the target with its mode, then moved over it: the content is never readable by others, not even for a moment.</summary>
    public static void Write(string path, byte[] content, UnixFileMode mode)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
        }

        if (!OperatingSystem.IsWindows())
        {
            // The create mode is filtered by the umask; the mode asked for is the one meant.
            File.SetUnixFileMode(temporary, mode);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
