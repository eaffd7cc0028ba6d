using Microsoft.Playwright;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>Steps the browser walks repeat: signing in as a person does, and signing a sheet with a finger.</summary>
internal static class BrowserSteps
{
    /// <param name="signInUrl">Relative to the context's base address, or absolute for a page opened without one.</param>
    public static async Task SignInAsync(IPage page, string user, string password = DeskHost.Password, string signInUrl = "/signin")
    {
        await page.GotoAsync(signInUrl);
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    /// <summary>A wavy stroke across the signature pad, as a finger draws it.</summary>
    public static async Task DrawSignatureAsync(IPage page)
    {
        var box = await page.Locator("canvas.pad").BoundingBoxAsync() ?? throw new InvalidOperationException("no signature pad");
        await page.Mouse.MoveAsync(box.X + 30, box.Y + (box.Height * 0.7f));
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 30; i++)
        {
            await page.Mouse.MoveAsync(box.X + 30 + (i * (box.Width - 60) / 30), box.Y + (box.Height * 0.5f) + (float)(Math.Sin(i / 3.0) * box.Height * 0.25));
        }

        await page.Mouse.UpAsync();
    }
}
