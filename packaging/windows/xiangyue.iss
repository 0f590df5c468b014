; Inno Setup 6 script: the Windows installer of 乡约 from the frozen folder dist\xiangyue (packaging/xiangyue.spec).
; Build on Windows (see packaging/windows/README.md):   iscc packaging\windows\xiangyue.iss
;
; - Per user, no administrator rights: installs to %LOCALAPPDATA%\Programs\Xiangyue.
; - The data (database, keys, backups, logs) lives apart, in %LOCALAPPDATA%\Xiangyue, which this installer never
;   writes and its uninstaller never deletes: uninstalling removes only the files installed below, and an upgrade
;   (the same AppId) replaces the program files and keeps the data.
; - Windows 10 1809 (build 17763) or later, 64-bit (Qt 6 and Python 3.11 need it).

#define AppName "乡约"
#define AppVersion GetEnv("XIANGYUE_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif
#define Dist "..\..\dist\xiangyue"
; Inno Setup 6 keeps its Simplified Chinese messages among the unofficial translations: put ChineseSimplified.isl
; beside this script (README.md) unless the installed compiler already has it.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#else
  #define ChineseMessages "ChineseSimplified.isl"
#endif

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy.
AppId={{6B0E8A52-3C1F-4E7A-9D55-2F0A7C1E9B31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=乡约
DefaultDirName={autopf}\Xiangyue
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=xiangyue-{#AppVersion}-setup
SetupIconFile=..\icons\xiangyue.ico
UninstallDisplayIcon={app}\xiangyue.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"

[Tasks]
Name: "desktopicon"; Description: "在桌面上创建“乡约”快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade starts from a clean program folder (a file the new version no longer ships must not linger).
; Only {app}: the data folder is elsewhere and is never named here.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\xiangyue.exe"; WorkingDir: "{app}"; Comment: "村务管理（离线）"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\xiangyue.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\xiangyue.exe"; Description: "现在启动乡约"; Flags: nowait postinstall skipifsilent

[Messages]
chinesesimplified.WelcomeLabel2=将在本机安装 [name/ver]。%n%n不需要管理员权限。村里的数据保存在本机的用户数据文件夹，卸载或升级都不会删除它；卸载前仍请先在“文件 → 立即备份”做一次备份。
