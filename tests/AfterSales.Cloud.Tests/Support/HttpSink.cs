using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Cloud.Tests.Support;

/// <summary>
/// A real HTTP server on a loopback port standing in for a provider (robot webhook, SMS gateway,
/// push service): it records every request and answers as the test says — accept, fail, or hang.
/// </summary>
internal sealed class HttpSink : IAsyncDisposable
{
    public const string RobotOk = """{"errcode":0,"errmsg":"ok"}""";

    private readonly WebApplication _app;

    private HttpSink(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>How to answer; the default accepts like a robot does.</summary>
    public Func<HttpContext, Task> Answer { get; set; } = ctx => ctx.Response.WriteAsync(RobotOk);

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<HttpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new HttpSink(app);
        app.Run(async ctx =>
        {
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body, ctx.RequestAborted);
            sink.Requests.Enqueue(new ReceivedRequest(
                ctx.Request.Method,
                ctx.Request.Path.Value ?? string.Empty,
                ctx.Request.QueryString.Value ?? string.Empty,
                ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            await sink.Answer(ctx);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.BaseAddress = new Uri(address);
        return sink;
    }

    public static Task Hang(HttpContext ctx) => Task.Delay(Timeout.Infinite, ctx.RequestAborted);

    public static Func<HttpContext, Task> Status(int status, string body = "") => async ctx =>
    {
        ctx.Response.StatusCode = status;
        await ctx.Response.WriteAsync(body);
    };

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    internal sealed record ReceivedRequest(string Method, string Path, string Query, Dictionary<string, string> Headers, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);

        public JsonNode Json => JsonNode.Parse(Text)!;
    }
}
