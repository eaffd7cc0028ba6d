using System.Net;
using System.Text.Json;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// People in the loop, in a real browser with the providers' sinks running (issue 14): the
/// dispatcher chooses channels; a gateway fault reaches the technician's WeChat Work robot; he opens
/// the job from the link, accepts with an ETA that the customer's SMS sink receives, and works it to
/// the signature; the customer downloads the job sheet from the portal on her phone; a notice nobody can deliver shows as failed with its reason. A second walk: a
/// customer's call recorded by the dispatcher becomes a dispatched ticket.
/// </summary>
public sealed class PeopleWalkthroughTests : IAsyncLifetime
{
    private static readonly (int Width, int Height) Phone = (390, 844);
    private static readonly (int Width, int Height) Desktop = (1440, 900);
    private DeskHost _host = null!;
    private HttpSink _sink = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private long _seq;

    public async Task InitializeAsync()
    {
        _sink = await HttpSink.StartAsync();
        _sink.Answer = ctx => ctx.Request.Path == "/broken" ? HttpSink.Status(500, "robot is down")(ctx) : ctx.Response.WriteAsync(HttpSink.RobotOk);
        _host = await DeskHost.StartAsync(new DeskHostSettings
        {
            Extra =
            [
                "Notifications:PollSeconds=1",
                "Notifications:MaxAttempts=1",
                "Notifications:HttpRetries=1",
                "Notifications:PublicBaseUrl=https://desk.example.com",
                $"Notifications:Sms:Url={_sink.Url("/sms")}",
                "Notifications:Sms:ApiKey=sms-key",
            ],
        });
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
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task GatewayFault_ReachesTheTechniciansRobot_HeOpensTheLinkAcceptsWithEta_CustomerGetsTheSms()
    {
        var desk = await ContextAsync(Desktop, mobile: false);
        var dispatcher = await desk.NewPageAsync();
        await BrowserSteps.SignInAsync(dispatcher, "dispatch");
        await dispatcher.GotoAsync("/desk/notifications");
        await AddRouteAsync(dispatcher, "technician:li", "WeCom", _sink.Url("/cgi-bin/webhook/send?key=li"));
        await AddRouteAsync(dispatcher, "dispatcher", "WeCom", _sink.Url("/broken"));
        await Expect(dispatcher.Locator("table.routes")).ToContainTextAsync("technician:li");

        await PublishFaultAsync("gw-far", "site-far", "panel", DeviceKind.Panel, FaultCodes.PanelOffline, FaultSeverity.Critical);
        await PublishFaultAsync("gw-a", "site-a", "zone-3", DeviceKind.Zone, FaultCodes.ZoneTamper, FaultSeverity.Major);

        // The job notice arrives at the technician's group robot, as a card whose link opens the job.
        var notice = await UntilAsync(() => _sink.Requests.FirstOrDefault(r => r.Query == "?key=li"));
        var article = notice.Json["news"]!["articles"]![0]!;
        var link = new Uri((string)article["url"]!);
        Assert.StartsWith("https://desk.example.com/n/", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("zone.tamper", (string?)article["description"], StringComparison.Ordinal);

        var phone = await ContextAsync(Phone, mobile: true);
        var tech = await phone.NewPageAsync();
        await BrowserSteps.SignInAsync(tech, "li");
        await tech.GotoAsync(link.AbsolutePath);
        await tech.WaitForURLAsync(url => url.Contains("/jobs/", StringComparison.Ordinal));
        var ticketId = long.Parse(tech.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await ShotAsync(tech, "people-job-from-link-phone");

        await tech.FillAsync("[name=etaMinutes]", "40");
        await tech.GetByRole(AriaRole.Button, new() { Name = "Accept job (customer called)" }).ClickAsync();
        await Expect(tech.Locator("ol.audit")).ToContainTextAsync("expected on site at");

        // The customer's contact gets the ETA by SMS through the provider.
        var sms = await UntilAsync(() => _sink.Requests.FirstOrDefault(r => r.Path == "/sms"));
        Assert.Equal("+86 28 8000 0001", (string?)sms.Json["to"]);
        Assert.Contains("expects to arrive at", (string?)sms.Json["text"], StringComparison.Ordinal);
        Assert.Equal("Bearer sms-key", sms.Headers["Authorization"]);

        await tech.GetByRole(AriaRole.Button, new() { Name = "On my way" }).ClickAsync();
        await tech.GetByRole(AriaRole.Button, new() { Name = "I'm on site (check in)" }).ClickAsync();
        await tech.FillAsync("#resolution", "Tamper switch of the PIR broken; replaced the detector, walk-tested zone 3.");
        foreach (var test in await tech.Locator("input[name=tests]").AllAsync())
        {
            await test.CheckAsync();
        }

        await tech.GetByRole(AriaRole.Button, new() { Name = "Work done — resolve" }).ClickAsync();
        await tech.FillAsync("#signer", "Mr Chen");
        await BrowserSteps.DrawSignatureAsync(tech);
        await tech.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(tech.Locator("body")).ToContainTextAsync("Signed by Mr Chen");

        // The dispatcher sees what reached whom: the job notice opened, the ETA sent, the robot that was down failed with its reason.
        await dispatcher.GotoAsync("/desk/notifications");
        await Expect(dispatcher.Locator("table.notices.failed")).ToContainTextAsync("HTTP 500");
        await Expect(dispatcher.Locator("table.notices.failed")).ToContainTextAsync("robot is down");
        await Expect(dispatcher.Locator($"table.notices:not(.failed) tr:has-text('New job {ticketId}')")).ToContainTextAsync("opened");
        await Expect(dispatcher.Locator("table.notices:not(.failed) tr:has-text('CustomerEta')")).ToContainTextAsync("sent");
        await ShotAsync(dispatcher, "people-notifications-desktop");

        using var techApi = await _host.ClientAsync("li");
        using var sheet = await techApi.GetAsync(new Uri($"/api/v1/tickets/{ticketId}/jobsheet.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);

        // The technician closes the job; the customer signs in on her phone and downloads its job sheet from the portal.
        await tech.GetByRole(AriaRole.Button, new() { Name = "Close job" }).ClickAsync();
        await Expect(tech.Locator(".chip.st-closed").First).ToBeVisibleAsync();
        var customerPhone = await ContextAsync(Phone, mobile: true);
        var customer = await customerPhone.NewPageAsync();
        await BrowserSteps.SignInAsync(customer, "jinli");
        await customer.WaitForURLAsync(url => url.EndsWith("/portal", StringComparison.Ordinal));
        await Expect(customer.Locator("section.portal-done")).ToContainTextAsync("Jewellery store");
        await ShotAsync(customer, "portal-phone");
        var download = await customer.RunAndWaitForDownloadAsync(() => customer.Locator($"a[href='/portal/jobs/{ticketId}/jobsheet.pdf']").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"portal-jobsheet-{ticketId}-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(saved);
        var pdf = await File.ReadAllBytesAsync(saved);
        File.Delete(saved);
        Assert.Equal($"job-{ticketId}.pdf", download.SuggestedFilename);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task CustomerCall_RecordedByTheDispatcher_BecomesADispatchedTicket()
    {
        var desk = await ContextAsync(Desktop, mobile: false);
        var dispatcher = await desk.NewPageAsync();
        await BrowserSteps.SignInAsync(dispatcher, "dispatch");
        await dispatcher.GotoAsync("/desk/notifications");
        await AddRouteAsync(dispatcher, "technician:li", "WeCom", _sink.Url("/cgi-bin/webhook/send?key=li"));

        await dispatcher.GotoAsync("/desk");
        await dispatcher.GetByRole(AriaRole.Link, new() { Name = "Record a call" }).ClickAsync();
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "Open the ticket" }).ClickAsync();
        await Expect(dispatcher.Locator("[role=alert]")).ToContainTextAsync("Choose the customer's site.");
        await dispatcher.SelectOptionAsync("select[name=site]", "site-a");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "Show its devices" }).ClickAsync();
        await dispatcher.SelectOptionAsync("select[name=kind]", "Panel");
        await dispatcher.FillAsync("textarea[name=symptom]", "Keypad shows 'system trouble' and beeps every minute");
        await dispatcher.FillAsync("input[name=caller]", "Mr Chen");
        await dispatcher.FillAsync("input[name=phone]", "+86 139 1234 5678");
        await dispatcher.FillAsync("input[name=minutesAgo]", "5");
        await ShotAsync(dispatcher, "people-record-call-desktop");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "Open the ticket" }).ClickAsync();

        await dispatcher.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/desk/[0-9]+$"));
        await Expect(dispatcher.Locator("section.calls")).ToContainTextAsync("Mr Chen");
        await Expect(dispatcher.Locator("table.audit-table")).ToContainTextAsync("customer call");
        await Expect(dispatcher.Locator("table.audit-table")).ToContainTextAsync("dispatched");
        await ShotAsync(dispatcher, "people-call-ticket-desktop");
        var notice = await UntilAsync(() => _sink.Requests.FirstOrDefault(r => r.Query == "?key=li"));
        Assert.Contains("customer.reported", (string?)notice.Json["news"]!["articles"]![0]!["description"], StringComparison.Ordinal);
    }

    private static async Task AddRouteAsync(IPage page, string recipient, string channel, string address)
    {
        await page.FillAsync("input[name=recipient]", recipient);
        await page.SelectOptionAsync("form.route-form select[name=channel]", channel);
        await page.FillAsync("input[name=address]", address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add route" }).ClickAsync();
        await Expect(page.Locator(".flash.ok")).ToContainTextAsync(recipient);
    }

    private async Task<IBrowserContext> ContextAsync((int Width, int Height) size, bool mobile)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            IsMobile = mobile,
            HasTouch = mobile,
            Permissions = mobile ? ["geolocation"] : [],
            Geolocation = mobile ? new Geolocation { Latitude = 30.6521f, Longitude = 104.0801f } : null,
            BaseURL = _host.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(BrowserDeadline.Milliseconds);
        return context;
    }

    private static async Task<T> UntilAsync<T>(Func<T?> probe)
        where T : class
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the sink received nothing within 60 s");
    }

    private async Task PublishFaultAsync(string gateway, string site, string device, DeviceKind kind, string fault, FaultSeverity severity)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _host.MqttPort)
            .WithClientId(gateway)
            .WithCredentials(gateway, "secret-" + gateway)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(options)).ResultCode);
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
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Events(site))
            .WithPayload(PayloadCodec.Encode(e))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess, $"publish: {result.ReasonCode}");
        await client.DisconnectAsync();
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory(), name + ".png"), FullPage = true });

    /// <summary>As in <see cref="JobWalkthroughTests"/>: AFTERSALES_SCREENSHOTS=docs/screenshots refreshes the docs' images.</summary>
    private static string ScreenshotDirectory()
    {
        var target = Environment.GetEnvironmentVariable("AFTERSALES_SCREENSHOTS");
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (target is not null && dir is not null && !File.Exists(Path.Combine(dir.FullName, "AfterSales.sln")))
        {
            dir = dir.Parent;
        }

        var path = target is null || dir is null ? Path.Combine(AppContext.BaseDirectory, "screenshots") : Path.Combine(dir.FullName, target);
        Directory.CreateDirectory(path);
        return path;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
