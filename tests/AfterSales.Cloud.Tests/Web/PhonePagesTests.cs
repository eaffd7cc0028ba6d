using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// The technician's inspection sheet and the customer's survey in a real Chromium at phone size,
/// against a running cloud whose contract, inventory and plan were set up through the API.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes through IAsyncLifetime.DisposeAsync")]
public sealed class PhonePagesTests : IAsyncLifetime
{
    private const string Dispatcher = "as_test_dispatcher_key_000000000";
    private const string TechnicianPassword = "li-test-password-1";
    private const string CustomerPassword = "jinjiang-test-password-1";
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-phone-{Guid.NewGuid():N}.db");
    private readonly int _port = FreePort();
    private WebApplication _app = null!;
    private HttpClient _api = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private string Base => $"http://127.0.0.1:{_port}";

    public async Task InitializeAsync()
    {
        _app = CloudHost.Build(
        [
            $"--urls={Base}",
            $"--Database:ConnectionString=Data Source={_dbFile};Pooling=False",
            $"--Broker:Port={FreePort()}",
            "--Broker:BindAddress=127.0.0.1",
            "--Calendar:Enabled=false",
            "--Mail:Host=127.0.0.1", "--Mail:Port=1", // queued, never delivered: the test reads the invitation from the queue
            // Written before localisation: reads the English pages (LanguageSwitchTests covers Chinese).
            "--Localization:DefaultCulture=en",
            "--Seed:Centres:0:Id=centre", "--Seed:Centres:0:Name=Centre", "--Seed:Centres:0:Latitude=30", "--Seed:Centres:0:Longitude=104",
            "--Seed:Sites:0:Id=site-a", "--Seed:Sites:0:Name=Jinjiang branch", "--Seed:Sites:0:Latitude=30.02", "--Seed:Sites:0:Longitude=104",
            "--Seed:Sites:0:Customer=Jinjiang Bank",
            "--Seed:ApiKeys:0:Name=dispatcher", "--Seed:ApiKeys:0:Role=dispatcher", $"--Seed:ApiKeys:0:Key={Dispatcher}",
            // The inspection crew is the dispatch roster: Li is its only technician.
            "--Seed:Technicians:0:Id=tech-li", "--Seed:Technicians:0:Name=Li", "--Seed:Technicians:0:Skills=alarm,cctv",
            "--Seed:Technicians:0:BaseLatitude=30", "--Seed:Technicians:0:BaseLongitude=104",
            "--Seed:Users:0:UserName=li", $"--Seed:Users:0:Password={TechnicianPassword}", "--Seed:Users:0:Role=technician", "--Seed:Users:0:TechnicianId=tech-li",
            "--Seed:Users:1:UserName=jinjiang", $"--Seed:Users:1:Password={CustomerPassword}", "--Seed:Users:1:Role=customer", "--Seed:Users:1:Customer=Jinjiang Bank",
        ]);
        await _app.StartAsync();
        _api = new HttpClient { BaseAddress = new Uri(Base) };
        _api.DefaultRequestHeaders.Authorization = new("Bearer", Dispatcher);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_dbFile);
    }

    [Fact]
    public async Task Technician_WorksThroughTheSheetOnAPhone_AFailOpensATicket()
    {
        // The page lists the service company's local month (Beijing time), which turns 8 h before UTC's.
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Ok(_api.PostAsJsonAsync("/api/v1/contracts", new { number = "MC-1", siteId = "site-a", startsOn = "2020-01-01", endsOn = "2099-12-31", contactEmails = "a@b.example" }));
        await Ok(_api.PutAsJsonAsync("/api/v1/sites/site-a/config", new
        {
            schema = "aftersales.config/1", siteId = "site-a", version = 1, issuedAt = DateTimeOffset.UtcNow,
            devices = new[] { new { deviceId = "cam-1", deviceKind = "camera", name = "Gate camera" } },
            checks = new { heartbeatIntervalS = 30 },
        }));
        await Ok(_api.PostAsync($"/api/v1/inspections/plan?month={month}", null));
        using (var duplicate = await _api.PostAsJsonAsync("/api/v1/contracts", new { number = "MC-1", siteId = "site-a", startsOn = "2020-01-01", endsOn = "2099-12-31" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        }

        var page = await PhoneAsync();
        await BrowserSteps.SignInAsync(page, "li", TechnicianPassword, $"{Base}/signin");
        await page.GotoAsync($"{Base}/inspections");
        await page.ClickAsync("text=site-a");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("site-a");
        Assert.Equal(10, await page.Locator("form.item").CountAsync()); // the camera, four cabling checks, five functions

        var joints = page.Locator("form.item", new() { HasText = "Joints and terminations" });
        await joints.Locator("button.fail").ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("needs a note");
        joints = page.Locator("form.item", new() { HasText = "Joints and terminations" });
        await joints.Locator("input[name=note]").FillAsync("Corroded joint");
        await joints.Locator("button.fail").ClickAsync();
        await Assertions.Expect(page.Locator("form.item", new() { HasText = "Joints and terminations" })).ToContainTextAsync("opened for repair");

        while (await page.Locator("form.result-pending button.pass").CountAsync() > 0)
        {
            await page.Locator("form.result-pending button.pass").First.ClickAsync();
        }

        // The customer signs as the visit ends (docs/service-rules.md §3.1a): no signature, no completion.
        await page.FillAsync("#signer", "Wang Fang");
        await page.FillAsync("#remarks", "All in order except the corroded joint; ticket opened.");
        await BrowserSteps.DrawSignatureAsync(page);
        await page.Locator("form.inspection-signoff").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "inspection-signoff-phone", fullPage: false);
        await page.ClickAsync("text=Complete inspection");
        await Assertions.Expect(page.Locator("p.muted").First).ToContainTextAsync("completed");
        await Assertions.Expect(page.Locator("section.inspection-signed")).ToContainTextAsync("Signed by Wang Fang");
        Assert.Equal(0, await page.Locator("button.pass").CountAsync());
        Assert.Equal(0, await page.Locator("form[data-signature]").CountAsync()); // signed once: no pad any more
        await page.Locator("section.inspection-signed").ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "inspection-signed-phone", fullPage: false);

        var tickets = await _api.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/tickets");
        Assert.Contains(tickets!, t => t["fault"].ToString() == "inspection.defect");

        // The signature is stored with the sheet and cannot be replaced.
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync())
        {
            var job = await db.Set<InspectionJob>().SingleAsync();
            Assert.Equal(("Wang Fang", "li"), (job.SignerName, job.SignatureCollectedBy));
            Assert.True(job.Signature!.Length > 100);
            Assert.NotNull(job.SignedAt);
        }

        var inspectionId = await InspectionIdAsync();
        var sheet = await page.APIRequest.GetAsync($"{Base}/inspections/{inspectionId}/sheet.pdf");
        Assert.Equal(200, sheet.Status);
        var pdf = await sheet.BodyAsync();
        Assert.Contains("/Subtype /Image", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal); // the drawn signature

        // The customer finds the signed record on the portal and downloads it; it is not theirs to sign again.
        var customer = await PhoneAsync();
        await BrowserSteps.SignInAsync(customer, "jinjiang", CustomerPassword, $"{Base}/signin");
        await customer.GotoAsync($"{Base}/portal");
        var record = customer.Locator($"[data-inspection='{inspectionId}']");
        await Assertions.Expect(record).ToContainTextAsync("signed by Wang Fang");
        await record.ScrollIntoViewIfNeededAsync();
        await ShotAsync(customer, "portal-inspection-record-phone");
        var download = await customer.APIRequest.GetAsync($"{Base}/portal/inspections/{inspectionId}/sheet.pdf");
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        var notTheirs = await customer.APIRequest.GetAsync($"{Base}/portal/inspections/{inspectionId + 1000}/sheet.pdf");
        Assert.Equal(404, notTheirs.Status);
    }

    private async Task<long> InspectionIdAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync();
        return await db.Set<InspectionJob>().Select(j => j.Id).SingleAsync();
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory(), name + ".png"), FullPage = fullPage });

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

    [Fact]
    public async Task Customer_AnswersTheSurveyFromTheLink_WithoutSigningIn_Once()
    {
        // Staff ask for the survey; the link goes only to the customer's contact, never back to staff.
        await Ok(_api.PostAsJsonAsync("/api/v1/contracts", new { number = "MC-S", siteId = "site-a", startsOn = "2020-01-01", endsOn = "2099-12-31", contactEmails = "owner@jinjiang.example" }));
        var issued = await (await Ok(_api.PostAsJsonAsync("/api/v1/surveys", new { siteId = "site-a", technicianId = "tech-li" }))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("/survey/", issued, StringComparison.Ordinal);
        Assert.DoesNotContain("token", issued, StringComparison.OrdinalIgnoreCase);
        var path = await InvitationPathAsync("owner@jinjiang.example");

        var page = await PhoneAsync();
        await page.GotoAsync(Base + path);
        foreach (var question in new[] { "attitude", "skill", "arrival", "promises" })
        {
            await page.CheckAsync($"input[name={question}][value='4']");
        }

        await page.ClickAsync("text=Send");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Thank you");
        await page.GotoAsync(Base + path);
        Assert.Equal(0, await page.Locator("form.survey").CountAsync());

        using (var unknownSite = await _api.PostAsJsonAsync("/api/v1/surveys", new { siteId = "site-nowhere" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownSite.StatusCode);
        }

        var guessed = await page.GotoAsync(Base + "/survey/not-a-real-token");
        Assert.Equal(404, guessed!.Status);
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("not valid");
    }

    /// <summary>The survey link of the invitation queued for <paramref name="to"/>.</summary>
    private async Task<string> InvitationPathAsync(string to)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync();
        var text = await db.Set<QueuedMail>().Where(m => m.To == to && m.Subject.StartsWith("How did we do")).Select(m => m.TextBody).SingleAsync();
        return System.Text.RegularExpressions.Regex.Match(text, "/survey/[A-Za-z0-9_-]+").Value;
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });

        // A deadline, not a wait: on a 2-core CI machine running every test project at once a page
        // step can take longer than Playwright's 30 s default.
        context.SetDefaultTimeout(BrowserDeadline.Milliseconds);
        return await context.NewPageAsync();
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
