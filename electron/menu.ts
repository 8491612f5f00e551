// The application menu in Danish, as plain data (no 'electron' import) so it is tested in Node.

export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  submenu?: MenuItemSpec[];
}

export function danishMenuTemplate(platform: NodeJS.Platform): MenuItemSpec[] {
  const mac = platform === 'darwin';
  return [
    ...(mac
      ? [
          {
            label: 'Tilsyn',
            submenu: [
              { role: 'about', label: 'Om Tilsyn' },
              { type: 'separator' as const },
              { role: 'hide', label: 'Skjul Tilsyn' },
              { role: 'hideOthers', label: 'Skjul andre' },
              { role: 'unhide', label: 'Vis alle' },
              { type: 'separator' as const },
              { role: 'quit', label: 'Afslut Tilsyn' },
            ],
          },
        ]
      : []),
    {
      label: 'Filer',
      submenu: [mac ? { role: 'close', label: 'Luk vindue' } : { role: 'quit', label: 'Afslut' }],
    },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Fortryd' },
        { role: 'redo', label: 'Annullér fortryd' },
        { type: 'separator' },
        { role: 'cut', label: 'Klip' },
        { role: 'copy', label: 'Kopiér' },
        { role: 'paste', label: 'Sæt ind' },
        { role: 'selectAll', label: 'Markér alt' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        { role: 'resetZoom', label: 'Normal størrelse' },
        { role: 'zoomIn', label: 'Zoom ind' },
        { role: 'zoomOut', label: 'Zoom ud' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Fuld skærm' },
      ],
    },
    {
      label: 'Vindue',
      submenu: [
        { role: 'minimize', label: 'Minimér' },
        { role: 'zoom', label: 'Maksimér' },
      ],
    },
  ];
}
