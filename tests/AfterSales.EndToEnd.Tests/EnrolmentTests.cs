using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// Issue 15: an admin registers a site and its gateway on the running cloud; on the board,
/// <c>AfterSales.Gateway enroll</c> (a real process) trades the one-time token for credentials and
/// writes gateway.json; the gateway then connects with them, and its first fault opens a ticket whose
/// deadline comes from the site's contract.
/// </summary>
public sealed class EnrolmentTests
{
    [Fact]
    public async Task EnrolCommand_WritesCredentials_GatewayConnects_FaultGetsTheContractsDeadline()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: false);
        using var admin = deployment.AdminClient();
        await Ok(admin.PutAsJsonAsync("/api/v1/admin/sites/site-new", new { name = "锦江珠宝店", customer = "金利", latitude = 30.6525, longitude = 104.0800 }));
        await Ok(admin.PostAsJsonAsync("/api/v1/contracts", new { number = "HT-2026-015", siteId = "site-new", startsOn = "2020-01-01", endsOn = "2099-12-31", arrivalHours = 1.5, repairHours = 3 }));
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/gateways", new { id = "gw-new", siteId = "site-new" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        // What the installer prepared on the board before enrolling: the inputs, no identity and no credential.
        var config = Path.Combine(deployment.TempDirectory, "board", "gateway.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            stateDirectory = Path.Combine(deployment.TempDirectory, "board-state"),
            heartbeatIntervalSeconds = 2,
            inputs = new[] { new { pin = 17, name = "Panel AC power relay", deviceId = "panel", deviceKind = "panel", fault = "panel.ac_loss", contact = "normallyClosed", debounceMilliseconds = 50 } },
        }));

        var (code, output) = await EnrolAsync(deployment, token, config);

        Assert.True(code == 0, $"enroll exited {code}:\n{output}");
        Assert.Contains("Enrolled gateway gw-new for site site-new", output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(config));
        }

        using (var written = JsonDocument.Parse(await File.ReadAllTextAsync(config)))
        {
            var root = written.RootElement;
            Assert.Equal("site-new", root.GetProperty("siteId").GetString());
            Assert.Equal("gw-new", root.GetProperty("gatewayId").GetString());
            Assert.Equal(deployment.BrokerPort, root.GetProperty("broker").GetProperty("port").GetInt32());
            Assert.NotEqual(token, root.GetProperty("broker").GetProperty("password").GetString());
            Assert.Equal(17, root.GetProperty("inputs")[0].GetProperty("pin").GetInt32()); // the installer's settings are kept
        }

        var (againCode, againOutput) = await EnrolAsync(deployment, token, config);
        Assert.Equal(1, againCode);
        Assert.Contains("Enrolment refused: This enrolment token was already used", againOutput, StringComparison.Ordinal);

        deployment.StartGatewayFrom(config);
        await deployment.WaitForGatewayConnectedAsync();
        await deployment.Gateway!.WriteLineAsync("fault 17");
        JsonElement ticket = default;
        var found = await Poll.UntilAsync(async () =>
        {
            var mine = (await deployment.GetTicketsAsync()).Where(t => t.GetProperty("siteId").GetString() == "site-new").ToList();
            ticket = mine.FirstOrDefault();
            return mine.Count > 0;
        });
        Assert.True(found, "no ticket for the enrolled gateway's fault within 60 s.\n" + deployment.Diagnostics());
        var opened = ticket.GetProperty("openedAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1.5), ticket.GetProperty("arrivalDeadline").GetDateTimeOffset() - opened);
        Assert.Equal(TimeSpan.FromHours(3), ticket.GetProperty("resolutionDeadline").GetDateTimeOffset() - opened);
    }

    [Fact]
    public async Task EnrolCommand_UnknownToken_RefusedWithTheReason_NothingWritten()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: false);
        var config = Path.Combine(deployment.TempDirectory, "gateway.json");

        var (code, output) = await EnrolAsync(deployment, "enr_not-a-real-token", config);

        Assert.Equal(1, code);
        Assert.Contains("Enrolment refused: This enrolment token is not known", output, StringComparison.Ordinal);
        Assert.False(File.Exists(config));
    }

    private static async Task<(int Code, string Output)> EnrolAsync(Deployment deployment, string token, string config)
    {
        using var enrol = ChildProcess.Start("enroll", "dotnet", [Deployment.Binary("Gateway", "AfterSales.Gateway.dll"), "enroll", "--cloud", deployment.CloudUrl.ToString(), "--token", token, "--config", config]);
        await enrol.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await Task.Yield();
        return (enrol.ExitCode, enrol.Output);
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
