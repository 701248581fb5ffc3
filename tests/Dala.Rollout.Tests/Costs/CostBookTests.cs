using Dala.Rollout.Costs;

namespace Dala.Rollout.Tests.Costs;

public sealed class CostBookTests
{
    private const string File = "book.json";

    [Fact]
    public void Every_default_has_a_unit_a_source_and_money_a_currency()
    {
        foreach (var item in CostBook.Default.Items)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Unit), item.Id);
            Assert.False(string.IsNullOrWhiteSpace(item.Source), item.Id);
            var spec = CostItems.ById[item.Id];
            Assert.Equal(spec.Kind == CostItemKind.Money, item.Currency is "KZT" or "USD");
            Assert.Null(spec.Problem(item.Value));
        }
        Assert.Contains(CostBook.Default.Items, i => i.Source.Contains("Giga", StringComparison.Ordinal));
        Assert.Contains(CostBook.Default.Items, i => i.Source.Contains("Dala.Fibre", StringComparison.Ordinal));
    }

    [Fact]
    public void The_written_book_reads_back_with_the_same_values()
    {
        var book = CostBookJson.Read(CostBookJson.Write(CostBook.Default), File);
        Assert.Equal(CostBook.Default.Version, book.Version);
        foreach (var spec in CostItems.All) Assert.Equal(CostBook.Default[spec.Id], book[spec.Id]);
    }

    [Fact]
    public void Dollars_are_used_in_tenge_at_the_books_rate()
    {
        var book = CostBook.Default;
        Assert.Equal("USD", book.Get("leo_terminal").Currency);
        Assert.Equal(book.Get("leo_terminal").Value * book.Get("usd_kzt").Value, book["leo_terminal"], 9);
        var dearer = book.With(book.Get("usd_kzt") with { Value = 600 });
        Assert.Equal(book.Get("leo_terminal").Value * 600, dearer["leo_terminal"], 9);
    }

    [Fact]
    public void Items_a_file_leaves_out_keep_the_defaults_and_say_so()
    {
        var book = CostBookJson.Read("""{"format": "dala-cost-book", "version": "test-1", "items": {"take_up": {"value": 0.8, "unit": "share of households", "source": "survey"}}}""", File);
        Assert.Equal(0.8, book["take_up"]);
        Assert.Equal("survey", book.Get("take_up").Source);
        Assert.Equal(CostBook.Default["site_new"], book["site_new"]);
        Assert.Contains("not in book.json", book.Get("site_new").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regional_household_size_overrides_the_national_one()
    {
        var book = CostBookJson.Read("""{"format": "dala-cost-book", "version": "t", "items": {"household_size.KZ-61": {"value": 4.8, "unit": "persons per household", "source": "census"}}}""", File);
        Assert.Equal(4.8, book.HouseholdSize("KZ-61"));
        Assert.Equal(CostBook.Default["household_size"], book.HouseholdSize("KZ-11"));
    }

    [Theory]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"leo_terminal": {"value": -5, "unit": "per subscribing household", "currency": "USD", "source": "x"}}}""", "items.leo_terminal.value", "negative")]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"take_up": {"value": 1.5, "unit": "share of households", "source": "x"}}}""", "items.take_up.value", "within 0..1")]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"site_new": {"value": 1, "unit": "per km", "currency": "KZT", "source": "x"}}}""", "items.site_new.unit", "not this item's unit")]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"site_new": {"value": 1, "unit": "per site", "source": "x"}}}""", "items.site_new.currency", "KZT or USD")]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"site_new": {"value": 1, "unit": "per site", "currency": "EUR", "source": "x"}}}""", "items.site_new.currency", "not KZT or USD")]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"site_new": {"value": 1, "unit": "per site", "currency": "KZT"}}}""", "items.site_new.source", "where it comes from")]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"site_newx": {"value": 1}}}""", "items.site_newx", "unknown item")]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"usd_kzt": {"value": "lots", "unit": "KZT per USD", "source": "x"}}}""", "items.usd_kzt.value", "not a number")]
    [InlineData("""{"format": "dala-cost-book", "version": "t", "items": {"usd_kzt": {"value": 0, "unit": "KZT per USD", "source": "x"}}}""", "items.usd_kzt.value", "greater than 0")]
    [InlineData("""{"format": "something", "version": "t", "items": {}}""", "format", "dala-cost-book")]
    [InlineData("""{"format": "dala-cost-book", "items": {}}""", "version", "missing")]
    [InlineData("""[1, 2]""", "(root)", "JSON object")]
    [InlineData("{\n\"format\": \"dala-cost-book\",\n\"items\": {,}\n}", "(line 3)", "not valid JSON")]
    public void A_broken_book_is_refused_naming_the_file_the_field_and_the_reason(string json, string field, string reason)
    {
        var e = Assert.Throws<CostBookException>(() => CostBookJson.Read(json, File));
        var problem = Assert.Single(e.Problems, p => p.Field == field);
        Assert.Equal(File, problem.File);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_book_is_named_at_once()
    {
        var e = Assert.Throws<CostBookException>(() => CostBookJson.Read(
            """{"format": "dala-cost-book", "version": "t", "items": {"take_up": {"value": 2, "unit": "share", "source": ""}, "nope": {}}}""", File));
        Assert.Equal(["items.take_up.value", "items.take_up.unit", "items.take_up.source", "items.nope"], e.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Life_cycle_cost_discounts_the_opex_of_every_year()
    {
        var book = CostBook.Default;
        var r = book.DiscountRate;
        var expected = 100 + Enumerable.Range(1, book.HorizonYears).Sum(y => 10 / Math.Pow(1 + r, y));
        Assert.Equal(expected, book.LifeCycle(100, 10), 9);
        Assert.Equal(1 / (1 + r), book.Discount(1), 12);
    }
}
