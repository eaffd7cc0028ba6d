namespace AfterSales.Cloud.Calendar;

internal static class CalendarRegistration
{
    /// <summary>Every company's calendar from <c>LocalTime</c>; read once, so a bad zone or date stops the start.</summary>
    public static IServiceCollection AddTenantCalendars(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new TenantCalendars(configuration.GetSection(LocalTimeOptions.Section).Get<LocalTimeOptions>() ?? new LocalTimeOptions()));
}
