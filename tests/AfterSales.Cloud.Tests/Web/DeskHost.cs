using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AfterSales.Cloud.Hosting;
using Microsoft.AspNetCore.Builder;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// A real cloud host (HTTP, embedded broker, SQLite) seeded with two service companies, their
/// technicians and a user for every role, for the access and browser tests.
/// </summary>
internal sealed partial class DeskHost : IAsyncDisposable
{
    public const string Password = "test-password-1";

    private readonly string _dbFile;

    private readonly bool _keepDatabase;

    private DeskHost(WebApplication app, string dbFile, bool keepDatabase, int httpPort, int mqttPort)
    {
        App = app;
        _dbFile = dbFile;
        _keepDatabase = keepDatabase;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        MqttPort = mqttPort;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public int MqttPort { get; }

    public static Task<DeskHost> StartAsync() => StartAsync(new DeskHostSettings());

    /// <summary>
    /// A host with its own clock, database file and settings. Sign-in attempts are not limited
    /// unless a test sets the limit: the tests sign in many times from one address.
    /// </summary>
    public static async Task<DeskHost> StartAsync(DeskHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var httpPort = FreePort();
        var mqttPort = FreePort();
        var dbFile = settings.DatabaseFile ?? Path.Combine(Path.GetTempPath(), $"aftersales-desk-web-{Guid.NewGuid():N}.db");
        string[] args =
        [
            $"--urls=http://127.0.0.1:{httpPort}",
            $"--Database:ConnectionString=Data Source={dbFile};Pooling=False",
            $"--Broker:Port={mqttPort}",
            "--Broker:BindAddress=127.0.0.1",
            "--Auth:AttemptsPerMinutePerAddress=10000",
            // The tests written before localisation read English pages; a test of the Chinese pages sets zh-CN in Extra.
            "--Localization:DefaultCulture=en",
            .. Seed(),
            .. settings.Extra.Select(e => "--" + e),
        ];
        var app = CloudHost.Build(args, settings.Time);
        await app.StartAsync();
        return new DeskHost(app, dbFile, settings.DatabaseFile is not null, httpPort, mqttPort);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (!_keepDatabase)
        {
            File.Delete(_dbFile);
        }
    }

    /// <summary>An HTTP client signed in through the sign-in page (cookie), or anonymous when <paramref name="userName"/> is null.</summary>
    public async Task<HttpClient> ClientAsync(string? userName)
    {
        var http = AnonymousClient(new CookieContainer());
        if (userName is null)
        {
            return http;
        }

        using var response = await PostPasswordAsync(http, userName, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {response.StatusCode}");
        }

        return http;
    }

    /// <summary>A client that keeps its cookies in <paramref name="cookies"/>, so a test can carry them to another host.</summary>
    public HttpClient AnonymousClient(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = BaseAddress };

    /// <summary>Fills in and posts the sign-in form as a browser does (with its anti-forgery token).</summary>
    public static Task<HttpResponseMessage> PostPasswordAsync(HttpClient http, string userName, string password) =>
        PostSignInAsync(http, "Password", new() { ["userName"] = userName, ["password"] = password });

    /// <summary>Posts one of the sign-in page's forms (<paramref name="handler"/>: Password or Key).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient http, string handler, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(fields);
        var form = await http.GetStringAsync(new Uri("/signin", UriKind.Relative));
        fields["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(fields);
        return await http.PostAsync(new Uri($"/signin?handler={handler}", UriKind.Relative), body);
    }

    /// <summary>Posts a form of <paramref name="page"/> as a browser does: the page's anti-forgery token goes with the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string page, Dictionary<string, string> fields, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(fields);
        var form = await http.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(fields);
        return await http.PostAsync(new Uri(handler is null ? page : $"{page}?handler={handler}", UriKind.Relative), body);
    }

    private static IEnumerable<string> Seed()
    {
        string[] settings =
        [
            "Centres:0:Id=centre", "Centres:0:Name=Centre", "Centres:0:Latitude=30.6574", "Centres:0:Longitude=104.0657", "Centres:0:TenantId=acme",
            "Centres:1:Id=centre-b", "Centres:1:Name=Other company's centre", "Centres:1:Latitude=30.6574", "Centres:1:Longitude=104.0657", "Centres:1:TenantId=other",
            "Sites:0:Id=site-a", "Sites:0:Name=Jewellery store", "Sites:0:Customer=Jinli", "Sites:0:TenantId=acme", "Sites:0:Latitude=30.652", "Sites:0:Longitude=104.08",
            "Sites:0:Address=Chunxi Rd 1", "Sites:0:ContactPhone=+86 28 8000 0001",
            "Sites:1:Id=site-c", "Sites:1:Name=Bank branch", "Sites:1:Customer=Western Bank", "Sites:1:TenantId=acme", "Sites:1:Latitude=30.66", "Sites:1:Longitude=104.07",
            "Sites:2:Id=site-b", "Sites:2:Name=Other company's site", "Sites:2:Customer=Jinli", "Sites:2:TenantId=other", "Sites:2:Latitude=30.65", "Sites:2:Longitude=104.06",
            "Sites:3:Id=site-far", "Sites:3:Name=Beijing mall", "Sites:3:Customer=North Mall", "Sites:3:TenantId=acme", "Sites:3:Latitude=39.9", "Sites:3:Longitude=116.4",
            "Gateways:3:Id=gw-far", "Gateways:3:SiteId=site-far", "Gateways:3:Secret=secret-gw-far",
            "Gateways:0:Id=gw-a", "Gateways:0:SiteId=site-a", "Gateways:0:Secret=secret-gw-a",
            "Gateways:1:Id=gw-b", "Gateways:1:SiteId=site-b", "Gateways:1:Secret=secret-gw-b",
            "Gateways:2:Id=gw-c", "Gateways:2:SiteId=site-c", "Gateways:2:Secret=secret-gw-c",
            "Technicians:0:Id=li", "Technicians:0:Name=Li Wei", "Technicians:0:TenantId=acme", "Technicians:0:Skills=alarm,cctv,power,cabling",
            "Technicians:0:BaseLatitude=30.6574", "Technicians:0:BaseLongitude=104.0657", "Technicians:0:WorksBusinessHours=false",
            "Technicians:1:Id=wang", "Technicians:1:Name=Wang Fang", "Technicians:1:TenantId=acme", "Technicians:1:Skills=alarm",
            "Technicians:1:BaseLatitude=30.9", "Technicians:1:BaseLongitude=104.3", "Technicians:1:WorksBusinessHours=false",
            "Technicians:2:Id=zhou", "Technicians:2:Name=Zhou Other", "Technicians:2:TenantId=other", "Technicians:2:Skills=alarm,cctv,power,cabling",
            "Technicians:2:BaseLatitude=30.6574", "Technicians:2:BaseLongitude=104.0657", "Technicians:2:WorksBusinessHours=false",
            "DutyShifts:0:TechnicianId=li", "DutyShifts:0:Start=2020-01-01T00:00:00Z", "DutyShifts:0:End=2100-01-01T00:00:00Z",
            "DutyShifts:1:TechnicianId=zhou", "DutyShifts:1:Start=2020-01-01T00:00:00Z", "DutyShifts:1:End=2100-01-01T00:00:00Z",
            .. User(0, "admin", "admin", "acme"),
            .. User(1, "dispatch", "dispatcher", "acme"),
            .. User(2, "li", "technician", "acme", technician: "li"),
            .. User(3, "wang", "technician", "acme", technician: "wang"),
            .. User(4, "jinli", "customer", "acme", customer: "Jinli"),
            .. User(5, "other-dispatch", "dispatcher", "other"),
        ];
        return settings.Select(s => "--Seed:" + s);
    }

    private static string[] User(int i, string name, string role, string tenant, string? technician = null, string? customer = null)
    {
        List<string> s = [$"Users:{i}:UserName={name}", $"Users:{i}:DisplayName={name}", $"Users:{i}:Password={Password}", $"Users:{i}:Role={role}", $"Users:{i}:TenantId={tenant}"];
        if (technician is not null)
        {
            s.Add($"Users:{i}:TechnicianId={technician}");
        }

        if (customer is not null)
        {
            s.Add($"Users:{i}:Customer={customer}");
        }

        return [.. s];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
