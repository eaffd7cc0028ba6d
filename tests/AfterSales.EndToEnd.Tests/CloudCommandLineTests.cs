using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The cloud program run as a process from an empty folder: help, version and wrong use answer
/// at once, and leave the folder empty (no database, no listener); a real command does its work.
/// </summary>
public sealed partial class CloudCommandLineTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("aftersales-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData(new[] { "--help" }, new[] { "apikey", "demo-history", "--config <FILE>", "--urls <URLS>", "--version", "--Section:Key=value" })]
    [InlineData(new[] { "apikey", "--help" }, new[] { "create", "Issue an API key", "list", "revoke" })]
    [InlineData(new[] { "apikey", "revoke", "-h" }, new[] { "--id <ID> (REQUIRED)", "refused at once" })]
    [InlineData(new[] { "apikey", "create", "-h" }, new[] { "--name <NAME> (REQUIRED)", "--role <admin|customer|dispatcher|technician> (REQUIRED)", "--tenant <TENANT>", "--config <FILE>" })]
    [InlineData(new[] { "demo-history", "--help" }, new[] { "--month <yyyy-MM>", "default: last month" })]
    public async Task Help_AnyCommand_DescribesItsOptions_StartsNothing(string[] args, string[] expected)
    {
        var (exit, stdout, stderr) = await RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.All(expected, e => Assert.Contains(e, stdout, StringComparison.Ordinal));
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Version_PrintsTheStampedVersion()
    {
        var stamped = XDocument.Load(Path.Combine(Deployment.RepoRoot(), "Directory.Build.props")).Descendants("Version").Single().Value;

        var (exit, stdout, _) = await RunAsync(["--version"]);

        Assert.Equal(0, exit);
        Assert.Matches(VersionPattern(), stdout.Trim());
        Assert.StartsWith(stamped, stdout.Trim(), StringComparison.Ordinal);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Theory]
    [InlineData(new[] { "--hlep" }, "Unrecognized argument '--hlep'")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized argument 'frobnicate'")]
    [InlineData(new[] { "--Broker:Port" }, "Unrecognized argument '--Broker:Port'")]
    [InlineData(new[] { "--config", "missing.json" }, "missing.json")]
    [InlineData(new[] { "apikey" }, "Required command was not provided")]
    [InlineData(new[] { "apikey", "create", "--name", "x" }, "Option '--role' is required")]
    [InlineData(new[] { "apikey", "create", "--name", "x", "--role", "boss" }, "boss")]
    [InlineData(new[] { "demo-history", "--month", "2026-13" }, "--month '2026-13' is not a month")]
    [InlineData(new[] { "broker-certificate", "--host", "broker.example" }, "Option '--out' is required")]
    [InlineData(new[] { "broker-certificate", "--out", "tls", "--ip", "not-an-ip" }, "--ip 'not-an-ip' is not an IP address")]
    public async Task WrongUse_AnswersWithTheErrorAndUsage_Exits2_StartsNothing(string[] args, string error)
    {
        var (exit, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(error, stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Run_WrongSettings_NamesEachAndExits78_CreatesNoDatabase()
    {
        var (exit, _, stderr) = await RunAsync(["--Mail:Port=0", "--Broker:Port=70000", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(78, exit);
        Assert.Contains("Configuration error:", stderr, StringComparison.Ordinal);
        Assert.Contains("Mail:Port must be between 1 and 65535", stderr, StringComparison.Ordinal);
        Assert.Contains("Broker:Port is 70000", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "aftersales.db")));
    }

    [Fact]
    public async Task ApiKeyCreate_WithSettings_IssuesAKeyInTheNamedDatabase()
    {
        var database = Path.Combine(_folder.FullName, "keys.db");

        var (exit, stdout, stderr) = await RunAsync(["apikey", "create", "--name", "nightly", "--role", "dispatcher", $"--Database:ConnectionString=Data Source={database}"]);

        Assert.True(exit == 0, stderr);
        Assert.Matches("^as_[0-9a-f]{40}$", stdout.Trim());
        Assert.True(File.Exists(database));
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Deployment.Binary("Cloud", "AfterSales.Cloud.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"AfterSales.Cloud {string.Join(' ', args)} did not exit: it started something.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex VersionPattern();
}
