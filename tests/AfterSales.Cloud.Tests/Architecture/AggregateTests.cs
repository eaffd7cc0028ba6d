using System.Reflection;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Tickets;

namespace AfterSales.Cloud.Tests.Architecture;

/// <summary>Entities with a lifecycle change state only through their methods, which keep the rules: no setter outside the type.</summary>
public sealed class AggregateTests
{
    public static TheoryData<Type> Aggregates => [typeof(Ticket), typeof(Complaint), typeof(Survey), typeof(Revisit), typeof(InspectionJob)];

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void Aggregate_EveryProperty_HasNoSetterOutsideTheType(Type aggregate)
    {
        var open = aggregate.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPrivate: false })
            .Select(p => p.Name)
            .ToList();

        Assert.True(open.Count == 0, $"{aggregate.Name} can be changed from outside through: {string.Join(", ", open)}");
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void Aggregate_NoPublicConstructor_NewOnesComeFromItsFactory(Type aggregate) =>
        Assert.Empty(aggregate.GetConstructors(BindingFlags.Public | BindingFlags.Instance));

    [Fact]
    public void Contract_ExpiryNotice_SetOnlyThroughItsMethod() =>
        Assert.False(typeof(MaintenanceContract).GetProperty(nameof(MaintenanceContract.ExpiryNoticeSentAt))!.SetMethod!.IsPublic);
}
