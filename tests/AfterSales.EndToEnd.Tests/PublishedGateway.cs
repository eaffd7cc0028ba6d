using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AfterSales.EndToEnd.Tests;

/// <summary>Publishes <c>src/Gateway</c> with one of its publish profiles for this machine's processor, as an installer would.</summary>
internal static class PublishedGateway
{
    /// <returns>The path of the published <c>AfterSales.Gateway</c> executable.</returns>
    public static async Task<string> PublishAsync(string profile)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory($"aftersales-{profile}-").FullName, "gateway");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = ["publish", Path.Combine(Deployment.RepoRoot(), "src", "Gateway"), $"-p:PublishProfile={profile}", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host's own MSBuild settings must not leak into a separate build.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        using var publish = Process.Start(info)!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{await log}\n{await errors}");
        return Path.Combine(output, "AfterSales.Gateway");
    }
}
