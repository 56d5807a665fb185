; Inno Setup script: a per-user installer (no administrator rights) for the bundle built by packaging/build.sh.
; Build on Windows: first `bash packaging/build.sh` (Git Bash) to make dist\GazetteReader\, then
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\GazetteReader.iss
; The program goes to %LOCALAPPDATA%\Programs\GazetteReader; the user's archive and notes stay in
; %LOCALAPPDATA%\GazetteReader, so upgrading or uninstalling the program never touches them.

#define AppName "Gazette Reader"
#define AppVersion "0.1.0"

[Setup]
AppId={{8F4B2E0A-6D3C-4F1E-9B57-2A0C3D1E7F64}
AppName={#AppName}
AppVerName=公报阅读器 {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Gazette Reader developers
DefaultDirName={localappdata}\Programs\GazetteReader
DisableDirPage=auto
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=GazetteReader-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\gazette-reader.ico
UninstallDisplayIcon={app}\GazetteReader.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "portable"; Description: "Keep data beside the program (portable; for a USB stick)"; Flags: unchecked

[Files]
Source: "..\..\dist\GazetteReader\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\公报阅读器 Gazette Reader"; Filename: "{app}\GazetteReader.exe"
Name: "{userdesktop}\公报阅读器"; Filename: "{app}\GazetteReader.exe"; Tasks: desktopicon

[INI]
; an empty portable.txt beside the program switches the data home to {app}\data
Filename: "{app}\portable.txt"; Section: "portable"; Key: "enabled"; String: "1"; Tasks: portable

[Run]
Filename: "{app}\GazetteReader.exe"; Description: "{cm:LaunchProgram,公报阅读器}"; Flags: nowait postinstall skipifsilent
