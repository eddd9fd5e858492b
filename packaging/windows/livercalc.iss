; Inno Setup script for LiverCalc Desktop (Windows, per-machine install, no network use).
; Build the bundle first on Windows:   python packaging\build.py --no-archive
; then compile:                        iscc /DAppVersion=0.1.0 packaging\windows\livercalc.iss
; AppVersion must equal livercalc_desktop.__version__ (packaging/README.md shows how to pass it).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z livercalc.iss
#endif

[Setup]
AppId={{6F1C2B7E-3D4A-4E8B-9C15-2A7D0E5B8F31}
AppName=LiverCalc Desktop
AppVersion={#AppVersion}
AppPublisher=LiverCalc
DefaultDirName={autopf}\LiverCalc Desktop
DefaultGroupName=LiverCalc Desktop
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=livercalc-desktop-{#AppVersion}-setup
SetupIconFile=livercalc.ico
UninstallDisplayIcon={app}\livercalc-desktop.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern
; Sign with: iscc /Ssigntool="signtool sign /fd sha256 /tr <timestamp-url> /td sha256 /a $f" ...
; SignTool=signtool

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\livercalc-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The executable also serves the command line; the shortcut starts the window.
Name: "{autoprograms}\LiverCalc Desktop"; Filename: "{app}\livercalc-desktop.exe"; IconFilename: "{app}\livercalc-desktop.exe"
Name: "{autodesktop}\LiverCalc Desktop"; Filename: "{app}\livercalc-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; GroupDescription: "Shortcuts:"; Flags: unchecked

[Run]
Filename: "{app}\livercalc-desktop.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation..."
