using System.Net;
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
/// One job end to end in a real browser: a gateway publishes a fault to the embedded broker,
/// the desk dispatches it, and the technician walks it on a phone-sized screen through accept,
/// en route, check-in, parts, resolution, the customer's signature and close, while the
/// dispatcher watches on a desktop. Screenshots land in the test output (see ScreenshotDirectory).
/// </summary>
public sealed class JobWalkthroughTests : IAsyncLifetime
{
    private static readonly (int Width, int Height) Phone = (390, 844);
    private static readonly (int Width, int Height) Desktop = (1440, 900);
    private DeskHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private long _seq;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task FaultToSignedJobSheet_TechnicianOnPhoneDispatcherOnDesktop()
    {
        // Other work on the board: one fault reported long ago (breached), one at a site beyond every zone.
        await PublishFaultAsync("gw-c", "site-c", "nvr-1", DeviceKind.Recorder, FaultCodes.RecorderNotRecording, FaultSeverity.Critical, TimeSpan.FromMinutes(130));
        await PublishFaultAsync("gw-c", "site-c", "cam-2", DeviceKind.Camera, FaultCodes.CameraOffline, FaultSeverity.Major, TimeSpan.FromMinutes(70));
        await PublishFaultAsync("gw-far", "site-far", "panel", DeviceKind.Panel, FaultCodes.PanelOffline, FaultSeverity.Critical);
        await PublishFaultAsync("gw-a", "site-a", "zone-3", DeviceKind.Zone, FaultCodes.ZoneTamper, FaultSeverity.Major);
        using var dispatcherApi = await _host.ClientAsync("dispatch");
        var ticketId = await WaitForTicketAsync(dispatcherApi, "site-a");

        // The technician, on a phone at the site.
        await using var phone = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Phone.Width, Height = Phone.Height },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Permissions = ["geolocation"],
            Geolocation = new Geolocation { Latitude = 30.6521f, Longitude = 104.0801f },
            BaseURL = _host.BaseAddress.ToString(),
        });
        phone.SetDefaultTimeout(BrowserDeadline.Milliseconds);
        var tech = await phone.NewPageAsync();
        await BrowserSteps.SignInAsync(tech, "li");
        Assert.EndsWith("/jobs", tech.Url, StringComparison.Ordinal);
        await Expect(tech.Locator($"[data-ticket='{ticketId}']")).ToContainTextAsync("Jewellery store");
        await ShotAsync(tech, "tech-jobs-phone");

        await tech.Locator($"[data-ticket='{ticketId}'] a").ClickAsync();
        await Expect(tech.Locator("a.call")).ToHaveAttributeAsync("href", "tel:+862880000001");
        Assert.Equal(0, await tech.Locator("canvas.pad").CountAsync());
        await ShotAsync(tech, "tech-job-dispatched-phone");

        await tech.FillAsync("[name=etaMinutes]", "40");
        await tech.GetByRole(AriaRole.Button, new() { Name = "Accept job (customer called)" }).ClickAsync();
        await tech.GetByRole(AriaRole.Button, new() { Name = "On my way" }).ClickAsync();
        await tech.GetByRole(AriaRole.Button, new() { Name = "I'm on site (check in)" }).ClickAsync();
        await Expect(tech.Locator(".chip").First).ToHaveTextAsync("on site");
        await Expect(tech.Locator("ol.audit")).ToContainTextAsync("checked in at 30.65210,104.08010");

        await tech.FillAsync("#part", "PIR detector");
        await tech.FillAsync("#quantity", "2");
        await tech.FillAsync("#reason", "tamper switch broken");
        await tech.GetByRole(AriaRole.Button, new() { Name = "Add part" }).ClickAsync();
        await Expect(tech.Locator("body")).ToContainTextAsync("2 × PIR detector");
        Assert.Equal(0, await tech.Locator("canvas.pad").CountAsync());
        await ShotAsync(tech, "tech-job-onsite-phone");

        // The server refuses a signature before the work is resolved, whatever the page shows.
        using var techApi = await _host.ClientAsync("li");
        using (var early = await techApi.PostAsync(
            new Uri($"/api/v1/tickets/{ticketId}/signature", UriKind.Relative),
            new StringContent("""{"signerName":"Mr Chen","png":"iVBORw0KGgo="}""", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        // The dispatcher's console meanwhile, on a desktop.
        await using var desk = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Desktop.Width, Height = Desktop.Height },
            BaseURL = _host.BaseAddress.ToString(),
        });
        desk.SetDefaultTimeout(BrowserDeadline.Milliseconds);
        var dispatcher = await desk.NewPageAsync();
        await BrowserSteps.SignInAsync(dispatcher, "dispatch");
        Assert.EndsWith("/desk", dispatcher.Url, StringComparison.Ordinal);
        await Expect(dispatcher.Locator($"tr[data-ticket='{ticketId}']")).ToContainTextAsync("on site");
        await Expect(dispatcher.Locator("tr.sla-breached")).ToContainTextAsync("recorder.not_recording");
        await Expect(dispatcher.Locator("tr.sla-human")).ToContainTextAsync("Beijing mall");
        await ShotAsync(dispatcher, "desk-board-desktop");
        await dispatcher.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await ShotAsync(dispatcher, "desk-board-phone");
        await dispatcher.SetViewportSizeAsync(Desktop.Width, Desktop.Height);

        await tech.FillAsync("#resolution", "Tamper switch of the PIR broken by a ladder; replaced the detector, walk-tested zone 3, panel reports normal.");
        foreach (var test in await tech.Locator("input[name=tests]").AllAsync())
        {
            await test.CheckAsync();
        }

        await tech.GetByRole(AriaRole.Button, new() { Name = "Work done — resolve" }).ClickAsync();
        await tech.FillAsync("#signer", "Mr Chen");
        await BrowserSteps.DrawSignatureAsync(tech);
        await ShotAsync(tech, "tech-job-signature-phone");
        await tech.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(tech.Locator("body")).ToContainTextAsync("Signed by Mr Chen");
        await tech.GetByRole(AriaRole.Button, new() { Name = "Close job" }).ClickAsync();
        await Expect(tech.Locator(".chip").First).ToHaveTextAsync("closed");
        await ShotAsync(tech, "tech-job-closed-phone");

        var pdf = await techApi.GetByteArrayAsync(new Uri($"/api/v1/tickets/{ticketId}/jobsheet.pdf", UriKind.Relative));
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(pdf, 0, 5), StringComparison.Ordinal);
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotDirectory(), "jobsheet-sample.pdf"), pdf);

        await dispatcher.GotoAsync($"/desk/{ticketId}");
        await Expect(dispatcher.Locator("table.audit-table")).ToContainTextAsync("signed by Mr Chen");
        foreach (var step in new[] { "opened", "dispatched", "accepted", "marked en route", "checked in on site", "part used", "resolved", "signed", "closed" })
        {
            await Expect(dispatcher.Locator("table.audit-table")).ToContainTextAsync(step);
        }

        await ShotAsync(dispatcher, "desk-ticket-desktop");
        await dispatcher.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await ShotAsync(dispatcher, "desk-ticket-phone");
    }

    private async Task PublishFaultAsync(string gateway, string site, string device, DeviceKind kind, string fault, FaultSeverity severity, TimeSpan? ago = null)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _host.MqttPort)
            .WithClientId(gateway)
            .WithCredentials(gateway, "secret-" + gateway)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();
        var connect = await client.ConnectAsync(options);
        Assert.Equal(MqttClientConnectResultCode.Success, connect.ResultCode);
        var e = new FaultEvent
        {
            Schema = FaultEvent.SchemaV1,
            EventId = Guid.CreateVersion7(),
            SiteId = site,
            GatewayId = gateway,
            Seq = ++_seq,
            DeviceId = device,
            DeviceKind = kind,
            Fault = fault,
            State = FaultState.Raised,
            Severity = severity,
            OccurredAt = DateTimeOffset.UtcNow - (ago ?? TimeSpan.Zero),
        };
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Events(site))
            .WithPayload(PayloadCodec.Encode(e))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.PublishAsync(message);
        Assert.True(result.IsSuccess, $"publish: {result.ReasonCode}");
        await client.DisconnectAsync();
    }

    /// <summary>Bounded wait for the ingest client (connecting in the background) to turn the fault into a dispatched ticket.</summary>
    private static async Task<long> WaitForTicketAsync(HttpClient api, string site)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var doc = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/tickets?site=" + site, UriKind.Relative)));
            var ticket = doc.RootElement.EnumerateArray().FirstOrDefault();
            if (ticket.ValueKind == JsonValueKind.Object && ticket.GetProperty("technicianId").GetString() == "li")
            {
                return ticket.GetProperty("id").GetInt64();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no dispatched ticket for {site} within 30 s");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory(), name + ".png"), FullPage = true });
    }

    /// <summary>
    /// The test output folder by default, so a test run leaves the checkout clean; set
    /// AFTERSALES_SCREENSHOTS=docs/screenshots (relative to the repository) to refresh the docs.
    /// </summary>
    private static string ScreenshotDirectory()
    {
        var target = Environment.GetEnvironmentVariable("AFTERSALES_SCREENSHOTS");
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (target is not null && dir is not null && !File.Exists(Path.Combine(dir.FullName, "AfterSales.sln")))
        {
            dir = dir.Parent;
        }

        var path = target is null || dir is null
            ? Path.Combine(AppContext.BaseDirectory, "screenshots")
            : Path.Combine(dir.FullName, target);
        Directory.CreateDirectory(path);
        return path;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
