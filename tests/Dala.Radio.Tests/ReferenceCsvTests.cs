using Dala.Radio.Itm;
using Dala.Radio.Itm.Reference;
using Dala.Testing;

namespace Dala.Radio.Tests;

/// <summary>Malformed case and profile files fail with file:line and what is wrong.</summary>
public class ReferenceCsvTests
{
    private const string P2PHeader = "h_tx__meter,h_rx__meter,epsilon,sigma,N_0,f__mhz,pol,climate,time,location,situation,mdvar,A__db";
    private const string P2PRow = "10,1,15,0.008,301,230,1,5,50,17,23,12,150.0";
    private const string Pfl = "4,100,10,12,15,11,10";

    private static IReadOnlyList<ItmP2PReferenceCase> P2P(string cases, string profiles) =>
        ItmReferenceCases.ReadP2P(new StringReader(cases), "cases.csv", new StringReader(profiles), "pfls.csv");

    private static ItmCsvFormatException P2PError(string cases, string profiles) =>
        Assert.Throws<ItmCsvFormatException>(() => P2P(cases, profiles));

    [Fact]
    public void Well_formed_files_read_in_any_column_order_and_without_a_published_loss()
    {
        var cases = P2P("mdvar,h_tx__meter,h_rx__meter,epsilon,sigma,N_0,f__mhz,pol,climate,time,location,situation\r\n2,10,1,15,0.008,301,230,0,5,50,17,23\r\n", Pfl + "\n");
        var c = Assert.Single(cases);
        Assert.Null(c.ExpectedLossDb);
        Assert.Equal((VariabilityMode.Mobile, 230.0, 4), (c.Input.Variability.Mode, c.Input.FrequencyMHz, c.Input.Profile.Intervals));
        Assert.Equal(Polarization.Horizontal, c.Input.Environment.Polarization);
        Assert.True(double.IsFinite(c.Evaluate().BasicTransmissionLossDb));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_names_its_line()
    {
        var e = P2PError($"{P2PHeader}\n{P2PRow}\n10,1,15,0.008,301,230,1,5,50,17,23\n", $"{Pfl}\n{Pfl}\n");
        Assert.Equal(("cases.csv", 3), (e.File, e.Line));
        Assert.Equal("cases.csv:3: 11 fields, but the header has 13 columns", e.Message);
    }

    [Fact]
    public void A_field_that_is_not_a_number_names_its_line_and_column()
    {
        var e = P2PError($"{P2PHeader}\n{P2PRow.Replace("230", "23O", StringComparison.Ordinal)}\n", $"{Pfl}\n");
        Assert.Equal("cases.csv:2: column f__mhz: '23O' is not a number", e.Message);
    }

    [Fact]
    public void A_case_without_a_profile_names_the_case_line()
    {
        var e = P2PError($"{P2PHeader}\n{P2PRow}\n{P2PRow}\n", $"{Pfl}\n");
        Assert.Equal("cases.csv:3: case 2 has no profile: pfls.csv has only 1", e.Message);
    }

    [Fact]
    public void A_profile_without_a_case_names_the_profile_line()
    {
        var e = P2PError($"{P2PHeader}\n{P2PRow}\n", $"{Pfl}\n\n{Pfl}\n");
        Assert.Equal("pfls.csv:3: profile 2 has no case: cases.csv has only 1", e.Message);
    }

    [Fact]
    public void A_profile_whose_count_disagrees_with_its_elevations_names_its_line()
    {
        var e = P2PError($"{P2PHeader}\n{P2PRow}\n", "5,100,10,12,15,11,10\n");
        Assert.Equal("pfls.csv:1: the pfl declares 5 intervals, so it needs 6 elevations after the count and step; it has 5", e.Message);
    }

    [Fact]
    public void A_profile_value_that_is_not_a_number_names_its_line_and_position()
    {
        var e = P2PError($"{P2PHeader}\n{P2PRow}\n{P2PRow}\n", $"{Pfl}\n4,100,10,x,15,11,10\n");
        Assert.Equal("pfls.csv:2: value 4 ('x') is not a number", e.Message);
    }

    [Theory]
    [InlineData("h_tx__meter,h_rx__meter,epsilon,sigma,N_0,f__mhz,pol,climate,time,location,situation", "the header lacks column(s) mdvar")]
    [InlineData("h_tx__meter,h_rx__meter,epsilon,sigma,N_0,f_mhz,pol,climate,time,location,situation,mdvar", "unknown column 'f_mhz'")]
    [InlineData("h_tx__meter,h_rx__meter,epsilon,sigma,N_0,f__mhz,pol,climate,time,location,situation,mdvar,mdvar", "column 'mdvar' appears twice")]
    public void A_wrong_header_is_named(string header, string reason)
    {
        var e = P2PError($"{header}\n{P2PRow}\n", $"{Pfl}\n");
        Assert.Equal(1, e.Line);
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("climate", "9", "column climate: 9 is not a radio climate 1..7")]
    [InlineData("pol", "0.5", "column pol: 0.5 is not a whole number")]
    [InlineData("mdvar", "5", "column mdvar: 5 is not a mode of variability (0..3, plus 10 and/or 20)")]
    public void A_code_outside_its_values_is_named(string column, string value, string reason)
    {
        var columns = P2PHeader.Split(',');
        var fields = P2PRow.Split(',');
        fields[Array.IndexOf(columns, column)] = value;
        Assert.Equal(reason, P2PError($"{P2PHeader}\n{string.Join(',', fields)}\n", $"{Pfl}\n").Reason);
    }

    [Fact]
    public void Empty_files_and_headers_without_cases_are_refused()
    {
        Assert.Equal(1, P2PError("", $"{Pfl}\n").Line);
        Assert.Equal("no cases after the header", P2PError($"{P2PHeader}\n", $"{Pfl}\n").Reason);
        Assert.StartsWith("the file is empty", P2PError($"{P2PHeader}\n{P2PRow}\n", "").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_file_with_a_short_row_names_the_file_on_disk_and_its_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("area.csv",
            "h_tx__meter,h_rx__meter,delta_h__meter,mdvar,d__km,tx_siting_criteria,rx_siting_criteria,epsilon,sigma,N_0,f__mhz,pol,climate,time,location,situation,A__db\n" +
            "10,1,0,0,16,0,0,15,0.008,301,230,0,5,87,50,50,152.5\n" +
            "3,1.5,10,1,10,1,0,15,0.008,301,450,0,5,40,28,25\n");
        var e = Assert.Throws<ItmCsvFormatException>(() => ItmReferenceCases.ReadArea(path));
        Assert.Equal($"{path}:3: 16 fields, but the header has 17 columns", e.Message);
    }

    [Fact]
    public void An_area_siting_criteria_outside_0_to_2_is_named()
    {
        var text = string.Join(',', ItmReferenceCases.AreaColumns) + "\n10,1,0,0,16,3,0,15,0.008,301,230,0,5,87,50,50\n";
        var e = Assert.Throws<ItmCsvFormatException>(() => ItmReferenceCases.ReadArea(new StringReader(text), "a.csv"));
        Assert.Equal("a.csv:2: column tx_siting_criteria: 3 is not a siting criteria (0 random, 1 careful, 2 very careful)", e.Message);
    }

    [Fact]
    public void A_case_outside_itms_validity_reads_but_evaluates_to_its_error()
    {
        var row = P2PRow.Replace("230", "25000", StringComparison.Ordinal);
        var outcome = ItmCaseOutcome.Of(P2P($"{P2PHeader}\n{row}\n", $"{Pfl}\n")[0]);
        Assert.Null(outcome.Result);
        Assert.Null(outcome.DifferenceDb);
        Assert.Equal(ItmError.Frequency, outcome.Error!.Error);
    }
}
