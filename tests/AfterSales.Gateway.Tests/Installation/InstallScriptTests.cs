using System.Diagnostics;
using AfterSales.Gateway.Tests.Support;

namespace AfterSales.Gateway.Tests.Installation;

/// <summary>
/// hardware/install.sh on plain Debian, into a scratch root (ROOT=): a system without the gpio, i2c and spi groups,
/// as Debian is, must end with them, the service user in each, and a gateway.json the service's group can read.
/// Runs as root (CI does); the scratch root keeps the machine's own users untouched.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Install_PlainDebianWithoutDeviceGroups_CreatesThemAndLeavesTheConfigReadableByTheService()
    {
        var root = Directory.CreateDirectory(_dir.File("root")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        foreach (var file in new[] { "passwd", "shadow" })
        {
            File.Copy(Path.Combine("/etc", file), Path.Combine(root, "etc", file));
        }

        // Debian's groups: dialout, but no gpio, i2c or spi (and no service user yet).
        string[] missing = ["gpio:", "i2c:", "spi:", "aftersales:"];
        foreach (var file in new[] { "group", "gshadow" })
        {
            File.WriteAllLines(Path.Combine(root, "etc", file), File.ReadAllLines(Path.Combine("/etc", file)).Where(l => !missing.Any(l.StartsWith)));
        }

        var build = Directory.CreateDirectory(_dir.File("build")).FullName;
        File.WriteAllText(Path.Combine(build, "AfterSales.Gateway"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(build, "AfterSales.Gateway"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var config = _dir.File("gateway.json");
        File.WriteAllText(config, "{}");

        var (exit, output) = await RunAsync(root, build, config);
        var again = await RunAsync(root, build, config);

        Assert.True(exit == 0, output);
        Assert.True(again.Exit == 0, "a second run (an update) failed:\n" + again.Output);
        var groups = File.ReadAllLines(Path.Combine(root, "etc", "group"));
        foreach (var group in new[] { "gpio", "i2c", "spi", "dialout" })
        {
            Assert.Contains(groups, l => l.StartsWith(group + ":", StringComparison.Ordinal) && l.Split(':')[3].Split(',').Contains("aftersales"));
        }

        var serviceGroup = groups.Single(l => l.StartsWith("aftersales:", StringComparison.Ordinal)).Split(':')[2];
        var installed = Path.Combine(root, "etc", "aftersales", "gateway.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(installed));
        Assert.Equal(serviceGroup, await StatAsync("%g", installed));
        Assert.True(File.Exists(Path.Combine(root, "opt", "aftersales", "gateway", "AfterSales.Gateway")));
        Assert.DoesNotContain("SupplementaryGroups=", File.ReadAllText(Path.Combine(root, "etc", "systemd", "system", "aftersales-gateway.service")), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string root, string build, string config)
    {
        var script = Path.Combine(RepositoryRoot(), "hardware", "install.sh");
        var info = new ProcessStartInfo("bash", [script, build, config]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ROOT"] = root;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    private static async Task<string> StatAsync(string format, string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", format, path]) { RedirectStandardOutput = true })!;
        var text = await stat.StandardOutput.ReadToEndAsync();
        await stat.WaitForExitAsync();
        return text.Trim();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AfterSales.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
