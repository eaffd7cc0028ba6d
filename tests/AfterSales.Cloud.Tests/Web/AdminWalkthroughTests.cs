using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// Issue 15, in Chinese, in a real browser: an admin adds a service centre, a site and a gateway on the
/// admin pages; the board's <c>AfterSales.Gateway enroll</c> runs as a process with the token the page
/// showed; the gateway logs in to the broker with the credential it was given, and its first fault opens
/// a ticket whose deadline comes from the site's contract. Screenshots as in <see cref="JobWalkthroughTests"/>.
/// </summary>
public sealed class AdminWalkthroughTests : IAsyncLifetime
{
    private DeskHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _board = null!;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync(new DeskHostSettings { Extra = ["Localization:DefaultCulture=zh-CN"] });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        _board = Directory.CreateTempSubdirectory("aftersales-board-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
        Directory.Delete(_board, recursive: true);
    }

    [Fact]
    public async Task AdminAddsCentreSiteGateway_BoardEnrols_FirstFaultRunsOnTheContractsDeadline()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = _host.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(BrowserDeadline.Milliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#user", "admin");
        await page.FillAsync("#password", DeskHost.Password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));

        await page.GotoAsync("/admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("系统管理");
        await page.ClickAsync("a[href='/admin/sites']");
        await page.FillAsync("#centre-id", "cd-east");
        await page.FillAsync("#centre-name", "成都东区服务中心");
        await page.FillAsync("#centre-lat", "30.6300");
        await page.FillAsync("#centre-lon", "104.1200");
        await page.ClickAsync("#centre-form button");
        await Expect(page.Locator("#centres")).ToContainTextAsync("成都东区服务中心");
        await page.FillAsync("#site-id", "site-jz");
        await page.FillAsync("#site-name", "锦江珠宝店");
        await page.FillAsync("#site-customer", "金利珠宝");
        await page.FillAsync("#site-phone", "+86 28 8000 0009");
        await page.FillAsync("#site-address", "成都市锦江区春熙路 9 号");
        await page.FillAsync("#site-lat", "30.6550");
        await page.FillAsync("#site-lon", "104.0810");
        await page.ClickAsync("#site-form button");
        await Expect(page.Locator("#sites")).ToContainTextAsync("锦江珠宝店");
        await ShotAsync(page, "admin-sites");

        // The site's contract: 1.5 h to arrive, 3 h to repair, around the clock.
        using var api = await _host.ClientAsync("admin");
        using (var contract = await api.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative), new { number = "HT-2026-015", siteId = "site-jz", startsOn = "2020-01-01", endsOn = "2099-12-31", arrivalHours = 1.5, repairHours = 3, clock = "AroundTheClock" }))
        {
            Assert.True(contract.IsSuccessStatusCode, await contract.Content.ReadAsStringAsync());
        }

        await page.GotoAsync("/admin/gateways");
        await page.FillAsync("#gateway-id", "gw-jz");
        await page.SelectOptionAsync("#gateway-site", "site-jz");
        await page.ClickAsync("#gateway-form button");
        await Expect(page.Locator("#enrolment img")).ToBeVisibleAsync();
        var token = (await page.Locator("#enrol-token").TextContentAsync())!.Trim();
        Assert.Contains($"enroll --cloud {_host.BaseAddress.ToString().TrimEnd('/')} --token {token}", await page.Locator("#enrol-command").TextContentAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "admin-gateway-token");

        var config = Path.Combine(_board, "gateway.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { stateDirectory = Path.Combine(_board, "state") }));
        var (code, output) = await RunGatewayAsync("enroll", "--cloud", _host.BaseAddress.ToString(), "--token", token, "--config", config);
        Assert.True(code == 0, $"enroll exited {code}: {output}");
        string password;
        using (var written = JsonDocument.Parse(await File.ReadAllTextAsync(config)))
        {
            Assert.Equal("site-jz", written.RootElement.GetProperty("siteId").GetString());
            password = written.RootElement.GetProperty("broker").GetProperty("password").GetString()!;
        }

        await page.ReloadAsync();
        await Expect(page.Locator("#gateways")).ToContainTextAsync("锦江珠宝店");
        Assert.Equal(0, await page.Locator("#enrolment").CountAsync()); // the token is shown once

        var fault = DateTimeOffset.UtcNow;
        await PublishAsGatewayAsync("gw-jz", password, "site-jz", fault);
        using var dispatcher = await _host.ClientAsync("dispatch");
        JsonElement ticket = default;
        for (var i = 0; i < 100 && ticket.ValueKind == JsonValueKind.Undefined; i++)
        {
            ticket = (await dispatcher.GetFromJsonAsync<JsonElement[]>(new Uri("/api/v1/tickets?site=site-jz", UriKind.Relative)))!.FirstOrDefault();
            if (ticket.ValueKind == JsonValueKind.Undefined)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotEqual(JsonValueKind.Undefined, ticket.ValueKind);
        var opened = ticket.GetProperty("openedAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1.5), ticket.GetProperty("arrivalDeadline").GetDateTimeOffset() - opened);
        await page.GotoAsync($"/desk/{ticket.GetProperty("id").GetInt64()}");
        await Expect(page.Locator("table.audit-table")).ToContainTextAsync("contract HT-2026-015 sets arrival, resolution, clock");
        await ShotAsync(page, "admin-first-ticket");
    }

    [Fact]
    public async Task AdminAddsTechnicianShiftAndUser_InChinese_ChangesShowAtOnce()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = _host.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(BrowserDeadline.Milliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#user", "admin");
        await page.FillAsync("#password", DeskHost.Password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));

        await page.GotoAsync("/admin");
        await page.ClickAsync("a[href='/admin/technicians']");
        await Expect(page.Locator("h1")).ToHaveTextAsync("技术员");
        await page.FillAsync("#tech-id", "chen");
        await page.FillAsync("#tech-name", "陈刚");
        await page.FillAsync("#tech-phone", "+86 138 0000 0007");
        await page.CheckAsync("#tech-skills input[value='ptz']");
        await page.CheckAsync("#tech-skills input[value='cctv']");
        await page.ClickAsync("#technician-form button");
        await Expect(page.Locator("tr[data-technician='chen']")).ToContainTextAsync("云台");
        await ShotAsync(page, "admin-technicians");

        // A bad shift (ends before it starts) is refused with what is wrong; the calendar is unchanged.
        await page.GotoAsync("/admin/roster?week=2026-12-07");
        await Expect(page.Locator("h1")).ToHaveTextAsync("值班表");
        await page.SelectOptionAsync("#shift-technician", "chen");
        await page.FillAsync("#shift-start", "2026-12-08T18:00");
        await page.FillAsync("#shift-end", "2026-12-08T08:00");
        await page.ClickAsync("#shift-form button");
        await Expect(page.Locator("p.error")).ToContainTextAsync("ends after it starts");
        Assert.Equal(0, await page.Locator("tr[data-technician='chen'] .shift").CountAsync());

        await page.SelectOptionAsync("#shift-technician", "chen");
        await page.SelectOptionAsync("#shift-kind", "holiday");
        await page.FillAsync("#shift-start", "2026-12-08T18:00");
        await page.FillAsync("#shift-end", "2026-12-09T08:00");
        await page.ClickAsync("#shift-form button");
        await Expect(page.Locator("tr[data-technician='chen'] td[data-day='2026-12-08'] .shift")).ToContainTextAsync("节假日值班 18:00–24:00");
        await Expect(page.Locator("tr[data-technician='chen'] td[data-day='2026-12-09'] .shift")).ToContainTextAsync("00:00–08:00");
        await ShotAsync(page, "admin-roster");

        // Zones: a file with a mistake changes nothing; the right one is previewed at a typed coordinate.
        await page.GotoAsync("/admin/zones");
        await Expect(page.Locator("h1")).ToHaveTextAsync("服务区域");
        await page.FillAsync("#upload-text", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"zone\":\"ring1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}");
        await page.ClickAsync("#upload-form button");
        await Expect(page.Locator("#zones-error")).ToContainTextAsync("arrivalHours");
        Assert.Equal(0, await page.Locator("#zones tbody tr").CountAsync());
        await page.FillAsync("#upload-text", """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"zone":"ring1","label":"一环内","arrivalHours":1.5},
               "geometry":{"type":"Polygon","coordinates":[[[104.03,30.63],[104.10,30.63],[104.10,30.69],[104.03,30.69],[104.03,30.63]]]}},
              {"type":"Feature","properties":{"zone":"ring2","label":"二环内","arrivalHours":3},
               "geometry":{"type":"Polygon","coordinates":[[[103.98,30.58],[104.15,30.58],[104.15,30.74],[103.98,30.74],[103.98,30.58]]]}}]}
            """);
        await page.ClickAsync("#upload-form button");
        await Expect(page.Locator("#zones")).ToContainTextAsync("一环内");
        await page.FillAsync("#preview-lat", "30.6520");
        await page.FillAsync("#preview-lon", "104.0800");
        await page.ClickAsync("#preview-form button");
        await Expect(page.Locator("#preview-zone")).ToHaveTextAsync("一环内 (ring1)");
        await Expect(page.Locator("#preview-hours")).ToHaveTextAsync("1.5 小时");
        await ShotAsync(page, "admin-zones");

        await page.GotoAsync("/admin/users");
        await Expect(page.Locator("h1")).ToHaveTextAsync("用户");
        await page.FillAsync("#user-name", "chen");
        await page.FillAsync("#user-display", "陈刚");
        await page.SelectOptionAsync("#user-role", "technician");
        await page.SelectOptionAsync("#user-technician", "chen");
        await page.ClickAsync("#user-form button");
        var password = (await page.Locator("#handover-password").TextContentAsync())!.Trim();
        Assert.True(password.Length >= 12);
        await Expect(page.Locator("tr[data-user='chen']")).ToContainTextAsync("技术员");

        // The dispatcher is signed in elsewhere; disabling them ends that session at its next request.
        using var dispatcher = await _host.ClientAsync("dispatch");
        await page.ClickAsync("tr[data-user='dispatch'] button.disable");
        await Expect(page.Locator("tr[data-user='dispatch'] td.state")).ToHaveTextAsync("已停用");
        await ShotAsync(page, "admin-users");
        using var after = await dispatcher.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, after.StatusCode);

        using var technician = _host.AnonymousClient(new System.Net.CookieContainer());
        using var signIn = await DeskHost.PostPasswordAsync(technician, "chen", password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static async Task<(int Code, string Output)> RunGatewayAsync(params string[] args)
    {
        var dll = Path.Combine(Localization.ResourceCoverageTests.RepoRoot(), "src", "Gateway", "bin", Configuration(), "net10.0", "AfterSales.Gateway.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    /// <summary>The gateway's first fault, sent with the credential enrolment gave it (the broker checks it against the stored hash).</summary>
    private async Task PublishAsGatewayAsync(string gateway, string password, string site, DateTimeOffset at)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _host.MqttPort).WithClientId(gateway).WithCredentials(gateway, password).WithProtocolVersion(MqttProtocolVersion.V500).Build();
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options)).ResultCode);
        var e = new FaultEvent
        {
            Schema = FaultEvent.SchemaV1, EventId = Guid.CreateVersion7(), SiteId = site, GatewayId = gateway, Seq = 1,
            DeviceId = "panel", DeviceKind = DeviceKind.Panel, Fault = FaultCodes.PanelAcLoss, State = FaultState.Raised, Severity = FaultSeverity.Major, OccurredAt = at,
        };
        var message = new MqttApplicationMessageBuilder().WithTopic(MqttTopics.Events(site)).WithPayload(PayloadCodec.Encode(e)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        Assert.True((await client.PublishAsync(message)).IsSuccess);
        await client.DisconnectAsync();
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory(), name + ".png"), FullPage = true });

    private static string ScreenshotDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("AFTERSALES_SCREENSHOTS");
        var directory = string.IsNullOrEmpty(configured)
            ? Path.Combine(AppContext.BaseDirectory, "screenshots")
            : Path.Combine(Localization.ResourceCoverageTests.RepoRoot(), configured);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
