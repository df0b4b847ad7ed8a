// Inline MSBuild task (RoslynCodeTaskFactory) used by ../TorchSharpNativeFix.targets.
// Written against the netstandard surface that inline tasks compile with: no spans, records or nullable.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Writes a copy of TorchSharp's libLibTorchSharp.so that loads on a system whose libstdc++ lacks
/// GLIBCXX_3.4.32 (Debian 12): the version requirement becomes weak (VER_FLG_WEAK on its Vernaux
/// entry), the one symbol bound to it (std::ios_base_library_init) loses its version, and a small
/// g++-built shim that defines that symbol is added as a needed library. The source file is only read.
/// Writes OutputDirectory/result.txt, one line: "unneeded", "patched" (OutputDirectory holds the patched
/// library) or "patched-with-shim" (and the shim, named ShimName).
/// </summary>
public class PatchLibTorchSharp : Task
{
    const uint ShtDynamic = 6, ShtRela = 4, ShtDynsym = 11, ShtVerdef = 0x6ffffffd, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
    const long DtNull = 0, DtNeeded = 1, DtRpath = 15, DtRunpath = 29;
    static readonly long[] StringTags = { 1, 14, 15, 29, 0x7ffffffd, 0x7fffffff, 0x6ffffefa, 0x6ffffefb, 0x6ffffefc };
    // Symbols the shim provides; anything else bound to a missing version cannot be fixed here.
    static readonly string[] ShimSymbols = { "_ZSt21ios_base_library_initv" };

    [Required] public string SourceLibrary { get; set; }
    [Required] public string ShimSource { get; set; }
    [Required] public string ShimName { get; set; }
    [Required] public string OutputDirectory { get; set; }
    /// <summary>The system libstdc++ to check; empty: the one loaded in this (MSBuild) process.</summary>
    public string LibStdCxx { get; set; }
    public string Compiler { get; set; }
    [Output] public string Status { get; set; }

    public override bool Execute()
    {
        Directory.CreateDirectory(OutputDirectory);
        string libstdcxx = string.IsNullOrEmpty(LibStdCxx) ? FindLibStdCxx() : LibStdCxx;
        if (libstdcxx == null)
            return Done("unneeded", "no libstdc++.so.6 found on this system; TorchSharp's native library is used as shipped");
        var provided = new HashSet<string>(new Elf(File.ReadAllBytes(libstdcxx)).DefinedVersions());
        var elf = new Elf(File.ReadAllBytes(SourceLibrary));
        var missing = elf.NeededVersions().Where(v => v.File.StartsWith("libstdc++.so") && !provided.Contains(v.Name)).ToList();
        if (missing.Count == 0)
            return Done("unneeded", libstdcxx + " has every symbol version that " + Path.GetFileName(SourceLibrary) + " needs; no patch");

        // Symbols bound to the missing versions must all be ones the shim provides.
        var missingIndexes = new HashSet<int>(missing.Select(v => v.Index));
        var bound = elf.Symbols().Where(s => missingIndexes.Contains(elf.VersionIndex(s.Index) & 0x7fff)).ToList();
        var unfixable = bound.Where(s => !ShimSymbols.Contains(s.Name)).Select(s => s.Name).ToList();
        if (unfixable.Count > 0)
        {
            Log.LogError("{0} needs {1} from libstdc++ ({2}), which {3} lacks; only {4} can be patched. Install a newer libstdc++ (GCC 13 or later), or set MentorTorchSharpNativeFix=false to skip this step.",
                SourceLibrary, string.Join(", ", unfixable), string.Join(", ", missing.Select(v => v.Name).Distinct()), libstdcxx, string.Join(", ", ShimSymbols));
            return false;
        }
        foreach (var v in missing) elf.MakeVersionWeak(v);
        foreach (var s in bound) elf.ClearVersion(s.Index);

        string patched = Path.Combine(OutputDirectory, Path.GetFileName(SourceLibrary));
        string shimName = ShimName;
        string shim = Path.Combine(OutputDirectory, shimName);
        bool haveShim = CompileShim(shim);
        bool inPlace = haveShim && elf.AddNeeded(shimName);
        WriteCopy(SourceLibrary, patched, elf.Data);
        if (haveShim && !inPlace && !Run("patchelf", "--add-needed " + shimName + " \"" + patched + "\""))
        {
            haveShim = false;
            Log.LogMessage(MessageImportance.High, "TorchSharp native fix: no room to add {0} in place and no patchelf; the weak version alone lets {1} load.", shimName, Path.GetFileName(patched));
        }
        if (!haveShim && bound.Any(s => elf.IsRelocated(s.Index)))
        {
            Log.LogError("{0} uses {1} directly and the shim that provides it could not be built or added. Install g++ (and patchelf), or a libstdc++ from GCC 13 or later.", SourceLibrary, string.Join(", ", bound.Select(s => s.Name)));
            return false;
        }
        if (!haveShim && File.Exists(shim)) File.Delete(shim);
        return Done(haveShim ? "patched-with-shim" : "patched", "TorchSharp native fix: " + libstdcxx + " lacks " + string.Join(", ", missing.Select(v => v.Name).Distinct()) + "; wrote " + patched + (haveShim ? " + " + shimName : ""));
    }

    bool Done(string status, string message)
    {
        Status = status;
        Log.LogMessage(MessageImportance.High, message);
        File.WriteAllText(Path.Combine(OutputDirectory, "result.txt"), status + "\n");
        return !Log.HasLoggedErrors;
    }

    /// <summary>The libstdc++ this process runs with (the .NET host links it), else the usual places.</summary>
    static string FindLibStdCxx()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash >= 0 && line.IndexOf("/libstdc++.so", StringComparison.Ordinal) > 0) return line.Substring(slash).Trim();
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        string[] dirs = { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib" };
        return dirs.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    bool CompileShim(string output)
    {
        string compiler = string.IsNullOrEmpty(Compiler) ? "g++" : Compiler;
        string args = "-shared -fPIC -O2 -fvisibility=hidden -Wl,-soname," + Path.GetFileName(output) + " -o \"" + output + "\" \"" + ShimSource + "\"";
        if (Run(compiler, args)) return true;
        Log.LogMessage(MessageImportance.High, "TorchSharp native fix: could not build the libstdc++ shim with {0}; install g++ to add it.", compiler);
        return false;
    }

    bool Run(string file, string args)
    {
        try
        {
            var info = new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            using (var p = Process.Start(info))
            {
                string err = p.StandardError.ReadToEnd();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) Log.LogMessage(MessageImportance.High, "{0} {1} failed: {2}", file, args, err);
                return p.ExitCode == 0;
            }
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    /// <summary>Copies the source (keeping its permissions), then overwrites the bytes, via a temporary file.</summary>
    static void WriteCopy(string source, string target, byte[] bytes)
    {
        string temp = target + ".tmp";
        File.Copy(source, temp, true);
        File.WriteAllBytes(temp, bytes);
        if (File.Exists(target)) File.Delete(target);
        File.Move(temp, target);
    }

    sealed class Version { public string File, Name; public int Index, AuxOffset; }
    sealed class Symbol { public int Index; public string Name; }
    sealed class Section { public int Index, Link; public uint Type; public int Offset, Size; }

    /// <summary>Just enough of ELF64 little-endian to read version tables and edit them in place.</summary>
    sealed class Elf
    {
        public readonly byte[] Data;
        readonly List<Section> sections = new List<Section>();

        public Elf(byte[] data)
        {
            Data = data;
            if (data.Length < 64 || data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F' || data[4] != 2 || data[5] != 1)
                throw new InvalidDataException("not a 64-bit little-endian ELF file");
            int shoff = (int)U64(0x28), shentsize = U16(0x3a), shnum = U16(0x3c);
            for (int i = 0; i < shnum; i++)
            {
                int h = shoff + i * shentsize;
                sections.Add(new Section { Index = i, Type = U32(h + 4), Offset = (int)U64(h + 24), Size = (int)U64(h + 32), Link = (int)U32(h + 40) });
            }
        }

        int U16(int o) => BitConverter.ToUInt16(Data, o);
        uint U32(int o) => BitConverter.ToUInt32(Data, o);
        ulong U64(int o) => BitConverter.ToUInt64(Data, o);
        void W64(int o, ulong v) => Array.Copy(BitConverter.GetBytes(v), 0, Data, o, 8);
        Section Of(uint type) => sections.FirstOrDefault(s => s.Type == type);
        string Str(Section table, long offset)
        {
            int start = table.Offset + (int)offset, end = start;
            while (Data[end] != 0) end++;
            return Encoding.UTF8.GetString(Data, start, end - start);
        }

        public IEnumerable<string> DefinedVersions()
        {
            var s = Of(ShtVerdef);
            if (s == null) yield break;
            for (int o = s.Offset; ; )
            {
                yield return Str(sections[s.Link], U32(o + (int)U32(o + 12)));
                uint next = U32(o + 16);
                if (next == 0) yield break;
                o += (int)next;
            }
        }

        public IEnumerable<Version> NeededVersions()
        {
            var s = Of(ShtVerneed);
            if (s == null) yield break;
            for (int o = s.Offset; ; )
            {
                string file = Str(sections[s.Link], U32(o + 4));
                for (int a = o + (int)U32(o + 8), n = U16(o + 2); n > 0; n--)
                {
                    yield return new Version { File = file, Name = Str(sections[s.Link], U32(a + 8)), Index = U16(a + 6) & 0x7fff, AuxOffset = a };
                    a += (int)U32(a + 12);
                }
                uint next = U32(o + 12);
                if (next == 0) yield break;
                o += (int)next;
            }
        }

        public IEnumerable<Symbol> Symbols()
        {
            var s = Of(ShtDynsym);
            for (int i = 0; i < s.Size / 24; i++)
                yield return new Symbol { Index = i, Name = Str(sections[s.Link], U32(s.Offset + i * 24)) };
        }

        public int VersionIndex(int symbol) { var s = Of(ShtVersym); return s == null ? 1 : U16(s.Offset + 2 * symbol); }

        public void MakeVersionWeak(Version v) => Data[v.AuxOffset + 4] |= 2; // vna_flags |= VER_FLG_WEAK

        public void ClearVersion(int symbol) { int o = Of(ShtVersym).Offset + 2 * symbol; Data[o] = 1; Data[o + 1] = 0; }

        public bool IsRelocated(int symbol)
        {
            int dynsym = Of(ShtDynsym).Index;
            return sections.Where(s => s.Type == ShtRela && s.Link == dynsym)
                .Any(s => Enumerable.Range(0, s.Size / 24).Any(i => (U64(s.Offset + i * 24 + 8) >> 32) == (ulong)symbol));
        }

        /// <summary>
        /// Adds a DT_NEEDED entry without growing the file: it takes a spare DT_NULL slot of .dynamic,
        /// and its name takes the room of trailing absolute entries of DT_RUNPATH (build-machine paths
        /// such as TorchSharp's CI directory). False when there is no such room.
        /// </summary>
        public bool AddNeeded(string name)
        {
            var dyn = Of(ShtDynamic);
            var strtab = sections[dyn.Link];
            int count = dyn.Size / 16, end = 0;
            while (end < count && (long)U64(dyn.Offset + end * 16) != DtNull) end++;
            for (int i = 0; i < end; i++)
                if ((long)U64(dyn.Offset + i * 16) == DtNeeded && Str(strtab, (long)U64(dyn.Offset + i * 16 + 8)) == name) return true;
            if (end + 1 >= count) return false;
            int pathEntry = Enumerable.Range(0, end).Select(i => (int?)i).FirstOrDefault(i => (long)U64(dyn.Offset + i.Value * 16) == DtRunpath)
                ?? Enumerable.Range(0, end).Select(i => (int?)i).FirstOrDefault(i => (long)U64(dyn.Offset + i.Value * 16) == DtRpath) ?? -1;
            if (pathEntry < 0) return false;
            long pathOffset = (long)U64(dyn.Offset + pathEntry * 16 + 8);
            string path = Str(strtab, pathOffset);
            var parts = path.Split(':').ToList();
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            while (parts.Count > 1 && string.Join(":", parts).Length + 1 + nameBytes.Length > path.Length && parts[parts.Count - 1].StartsWith("/"))
                parts.RemoveAt(parts.Count - 1);
            byte[] kept = Encoding.UTF8.GetBytes(string.Join(":", parts));
            if (kept.Length + 1 + nameBytes.Length > path.Length) return false;
            // Nothing else may point into the part of the string that changes (linkers share string tails).
            if (StringReferences(dyn, strtab).Any(r => r > pathOffset && r <= pathOffset + path.Length)) return false;

            int at = strtab.Offset + (int)pathOffset;
            Array.Clear(Data, at, path.Length);
            Array.Copy(kept, 0, Data, at, kept.Length);
            Array.Copy(nameBytes, 0, Data, at + kept.Length + 1, nameBytes.Length);
            // Insert after the last DT_NEEDED, shifting the rest of the entries into the spare slot.
            int insert = Enumerable.Range(0, end).Where(i => (long)U64(dyn.Offset + i * 16) == DtNeeded).DefaultIfEmpty(-1).Max() + 1;
            Array.Copy(Data, dyn.Offset + insert * 16, Data, dyn.Offset + (insert + 1) * 16, (end - insert) * 16);
            W64(dyn.Offset + insert * 16, (ulong)DtNeeded);
            W64(dyn.Offset + insert * 16 + 8, (ulong)(pathOffset + kept.Length + 1));
            return true;
        }

        IEnumerable<long> StringReferences(Section dyn, Section strtab)
        {
            for (int i = 0; i < dyn.Size / 16; i++)
                if (StringTags.Contains((long)U64(dyn.Offset + i * 16))) yield return (long)U64(dyn.Offset + i * 16 + 8);
            var dynsym = Of(ShtDynsym);
            if (dynsym != null && dynsym.Link == strtab.Index)
                for (int i = 0; i < dynsym.Size / 24; i++) yield return U32(dynsym.Offset + i * 24);
            var need = Of(ShtVerneed);
            if (need != null && need.Link == strtab.Index)
                for (int o = need.Offset; ; )
                {
                    yield return U32(o + 4);
                    for (int a = o + (int)U32(o + 8), n = U16(o + 2); n > 0; n--) { yield return U32(a + 8); a += (int)U32(a + 12); }
                    if (U32(o + 12) == 0) break;
                    o += (int)U32(o + 12);
                }
            var def = Of(ShtVerdef);
            if (def != null && def.Link == strtab.Index)
                for (int o = def.Offset; ; )
                {
                    for (int a = o + (int)U32(o + 12), n = U16(o + 6); n > 0; n--) { yield return U32(a); a += (int)U32(a + 4); }
                    if (U32(o + 16) == 0) break;
                    o += (int)U32(o + 16);
                }
        }
    }
}
