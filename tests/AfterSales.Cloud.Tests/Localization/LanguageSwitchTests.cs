using System.Net;
using AfterSales.Cloud.Tests.Web;

namespace AfterSales.Cloud.Tests.Localization;

/// <summary>Chinese by default, English per user: the switch in the header, kept on the account (docs/localization.md).</summary>
public sealed class LanguageSwitchTests
{
    private static readonly string[] Chinese = ["Localization:DefaultCulture=zh-CN"];

    [Fact]
    public async Task Page_NoChoiceMade_OpensInChinese()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = Chinese });
        using var http = await host.ClientAsync("dispatch");

        var page = await http.GetStringAsync(new Uri("/desk", UriKind.Relative));

        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        Assert.Contains("调度台", page, StringComparison.Ordinal);
        Assert.Contains(">English</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_SignedInUserPicksEnglish_NextSignInElsewhereIsEnglish()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = Chinese });
        using (var http = await host.ClientAsync("dispatch"))
        {
            using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/desk" });
            using var switched = await http.PostAsync(new Uri("/culture", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Equal("/desk", switched.Headers.Location?.OriginalString);
            Assert.Contains("Sign out", await http.GetStringAsync(new Uri("/desk", UriKind.Relative)), StringComparison.Ordinal);
        }

        // Another browser (no culture cookie) signing in as the same user gets the stored choice.
        using var other = await host.ClientAsync("dispatch");
        var page = await other.GetStringAsync(new Uri("/desk", UriKind.Relative));
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("调度台", page, StringComparison.Ordinal);

        // A user who chose nothing still opens in Chinese.
        using var dispatcherless = await host.ClientAsync("admin");
        Assert.Contains("调度台", await dispatcherless.GetStringAsync(new Uri("/desk", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_UnknownLanguage_IsRefusedWithTheChoices()
    {
        await using var host = await DeskHost.StartAsync(new DeskHostSettings { Extra = Chinese });
        using var http = await host.ClientAsync(null);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "klingon" });

        using var response = await http.PostAsync(new Uri("/culture", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("zh-CN, en", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
