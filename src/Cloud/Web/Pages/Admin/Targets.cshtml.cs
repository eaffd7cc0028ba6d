using System.Globalization;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Web.Pages.Admin;

/// <summary>The company's KPI targets in percent; saved ones replace <c>Kpis:Targets</c> for the dashboard and every report at once.</summary>
internal sealed class TargetsModel(KpiTargetStore store, TimeProvider time, IStringLocalizer<Strings> T) : PageModel
{
    public KpiTargets Targets { get; private set; } = new();

    public TenantKpiTargets? Stored { get; private set; }

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Figures arrive in percent (95 means 95 %); what cannot be read or makes no sense is refused with the reason and the form keeps what was typed.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = DeskUser.From(User);
        var typed = new KpiTargets();
        var unreadable = new List<string>();
        double Read(string name, double fallback)
        {
            var text = Request.Form[name].ToString().Trim().TrimEnd('%');
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
            {
                return percent / 100;
            }

            unreadable.Add(name);
            return fallback;
        }

        typed.OnTimeRate = Read(nameof(KpiTargets.OnTimeRate), typed.OnTimeRate);
        typed.Satisfaction = Read(nameof(KpiTargets.Satisfaction), typed.Satisfaction);
        typed.ComplaintRate = Read(nameof(KpiTargets.ComplaintRate), typed.ComplaintRate);
        typed.RepeatRate = Read(nameof(KpiTargets.RepeatRate), typed.RepeatRate);
        typed.InspectionCompletion = Read(nameof(KpiTargets.InspectionCompletion), typed.InspectionCompletion);
        typed.Availability = Read(nameof(KpiTargets.Availability), typed.Availability);
        typed.AvailabilityGood = Read(nameof(KpiTargets.AvailabilityGood), typed.AvailabilityGood);
        try
        {
            if (unreadable.Count > 0)
            {
                throw new ArgumentException($"Not a number: {string.Join(", ", unreadable)}. Type a percentage such as 95 or 99.5.");
            }

            await store.SaveAsync(user.TenantId, typed, user.Name, time.GetUtcNow(), ct);
            Saved = T["Saved: the dashboard and the next reports use these targets."];
            await LoadAsync(ct);
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
            Stored = await store.StoredAsync(user.TenantId, ct);
            Targets = typed;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await store.ResetAsync(DeskUser.From(User).TenantId, ct);
        return RedirectToPage();
    }

    public static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        Stored = await store.StoredAsync(DeskUser.From(User).TenantId, ct);
        Targets = Stored?.Targets ?? store.Default;
    }
}
